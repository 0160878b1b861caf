#ifndef CJPEG_H
#define CJPEG_H

#include <stddef.h>
#include <stdint.h>

/// Outcome of a CJPEG call. Anything but CJPEG_OK leaves a human-readable reason in the decoder's message.
typedef enum {
    CJPEG_OK = 0,
    CJPEG_CORRUPT = 1,       // libjpeg reported an error or a warning (e.g. a truncated scan)
    CJPEG_TOO_LARGE = 2,     // declared width x height exceeds the caller's pixel limit, or a side over libjpeg's 65500
    CJPEG_NO_MEMORY = 3,
} cjpeg_status;

/// Opaque decoder state; one per image, not shared between threads.
typedef struct cjpeg_decoder cjpeg_decoder;

/// Reads the header of `data` (not copied: it must outlive the decoder) and checks width x height against
/// `max_pixels` before any pixel buffer exists. Returns NULL only when the state itself cannot be allocated.
cjpeg_decoder *cjpeg_open(const uint8_t *data, size_t size, uint64_t max_pixels);

cjpeg_status cjpeg_status_of(const cjpeg_decoder *decoder);
const char *cjpeg_message(const cjpeg_decoder *decoder);
int cjpeg_width(const cjpeg_decoder *decoder);
int cjpeg_height(const cjpeg_decoder *decoder);
int cjpeg_is_progressive(const cjpeg_decoder *decoder);

/// Decodes the luma (Y) plane as 8-bit gray into `pixels` (width * height bytes, rows packed).
cjpeg_status cjpeg_decode_gray(cjpeg_decoder *decoder, uint8_t *pixels);

void cjpeg_close(cjpeg_decoder *decoder);

#endif
