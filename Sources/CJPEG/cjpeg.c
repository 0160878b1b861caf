// libjpeg's default error handler calls exit(); this one longjmps back to the call that started the work, so no
// input can end the process. Warnings (a truncated scan silently decodes to grey) are treated as errors too.
#include "cjpeg.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

struct cjpeg_error_manager {
    struct jpeg_error_mgr base;
    jmp_buf escape;
};

struct cjpeg_decoder {
    struct jpeg_decompress_struct info;
    struct cjpeg_error_manager error;
    cjpeg_status status;
    char message[JMSG_LENGTH_MAX + 32];
    int header_read;
};

static void cjpeg_error_exit(j_common_ptr info) {
    struct cjpeg_error_manager *error = (struct cjpeg_error_manager *)info->err;
    longjmp(error->escape, 1);
}

static void cjpeg_emit_message(j_common_ptr info, int level) {
    // level < 0 is a warning (corrupt data that libjpeg papers over); trace messages (level >= 0) are ignored.
    if (level < 0) {
        struct cjpeg_error_manager *error = (struct cjpeg_error_manager *)info->err;
        longjmp(error->escape, 1);
    }
}

static void cjpeg_record_libjpeg_message(cjpeg_decoder *decoder) {
    // libjpeg refuses a side over JPEG_MAX_DIMENSION while reading the header, before the pixel budget is checked:
    // that is an image too large to decode, not a damaged one.
    if (decoder->error.base.msg_code == JERR_IMAGE_TOO_BIG) {
        snprintf(decoder->message, sizeof(decoder->message), "image is %ux%u, over the limit of %ld pixels per side",
                 decoder->info.image_width, decoder->info.image_height, (long)JPEG_MAX_DIMENSION);
        decoder->status = CJPEG_TOO_LARGE;
        return;
    }
    char text[JMSG_LENGTH_MAX];
    text[0] = 0;
    decoder->error.base.format_message((j_common_ptr)&decoder->info, text);
    snprintf(decoder->message, sizeof(decoder->message), "%s", text);
    decoder->status = CJPEG_CORRUPT;
}

cjpeg_decoder *cjpeg_open(const uint8_t *data, size_t size, uint64_t max_pixels) {
    cjpeg_decoder *decoder = calloc(1, sizeof(cjpeg_decoder));
    if (decoder == NULL) return NULL;
    decoder->info.err = jpeg_std_error(&decoder->error.base);
    decoder->error.base.error_exit = cjpeg_error_exit;
    decoder->error.base.emit_message = cjpeg_emit_message;
    if (setjmp(decoder->error.escape)) {
        cjpeg_record_libjpeg_message(decoder);
        return decoder;
    }
    jpeg_create_decompress(&decoder->info);
    if (size == 0) {
        decoder->status = CJPEG_CORRUPT;
        snprintf(decoder->message, sizeof(decoder->message), "empty input");
        return decoder;
    }
    jpeg_mem_src(&decoder->info, data, (unsigned long)size);
    jpeg_read_header(&decoder->info, TRUE);
    decoder->header_read = 1;
    uint64_t pixels = (uint64_t)decoder->info.image_width * (uint64_t)decoder->info.image_height;
    if (decoder->info.image_width == 0 || decoder->info.image_height == 0) {
        decoder->status = CJPEG_CORRUPT;
        snprintf(decoder->message, sizeof(decoder->message), "image declares zero width or height (%ux%u)",
                 decoder->info.image_width, decoder->info.image_height);
    } else if (pixels > max_pixels) {
        decoder->status = CJPEG_TOO_LARGE;
        snprintf(decoder->message, sizeof(decoder->message), "image is %ux%u = %llu pixels, over the limit of %llu",
                 decoder->info.image_width, decoder->info.image_height, (unsigned long long)pixels,
                 (unsigned long long)max_pixels);
    }
    return decoder;
}

cjpeg_status cjpeg_status_of(const cjpeg_decoder *decoder) { return decoder->status; }
const char *cjpeg_message(const cjpeg_decoder *decoder) { return decoder->message; }
int cjpeg_width(const cjpeg_decoder *decoder) { return (int)decoder->info.image_width; }
int cjpeg_height(const cjpeg_decoder *decoder) { return (int)decoder->info.image_height; }
int cjpeg_is_progressive(const cjpeg_decoder *decoder) { return decoder->info.progressive_mode ? 1 : 0; }

cjpeg_status cjpeg_decode_gray(cjpeg_decoder *decoder, uint8_t *pixels) {
    if (decoder->status != CJPEG_OK) return decoder->status;
    if (setjmp(decoder->error.escape)) {
        cjpeg_record_libjpeg_message(decoder);
        return decoder->status;
    }
    // JCS_GRAYSCALE keeps libjpeg's Y plane, byte-identical to cv2.imread(path, IMREAD_GRAYSCALE).
    decoder->info.out_color_space = JCS_GRAYSCALE;
    jpeg_start_decompress(&decoder->info);
    size_t stride = decoder->info.output_width;
    while (decoder->info.output_scanline < decoder->info.output_height) {
        JSAMPROW row = pixels + (size_t)decoder->info.output_scanline * stride;
        jpeg_read_scanlines(&decoder->info, &row, 1);
    }
    jpeg_finish_decompress(&decoder->info);
    return CJPEG_OK;
}

void cjpeg_close(cjpeg_decoder *decoder) {
    if (decoder == NULL) return;
    jpeg_destroy_decompress(&decoder->info);
    free(decoder);
}
