#!/usr/bin/env python3
"""Seeded fuzz of the upload paths of the real `targetservice serve` process with malformed and corrupt uploads.

Starts `targetservice serve --host 127.0.0.1 --port 0 --data TMPDIR`, waits for /readyz, then sends --cases
mutated uploads one after another, each on its own raw TCP connection (so the framing is ours to break), built
from the fixture JPEGs in Tests/TargetServiceTests/Fixtures/images:

  JPEG damage   truncations; bit flips inside each segment kind (SOI, APPn, DQT, SOF, DHT, SOS, scan data, EOI);
                bad, inserted, duplicated and missing markers; lying segment lengths; huge or zero SOF
                dimensions; spliced files; non-JPEG bytes
  HTTP framing  wrong or missing Content-Type; multipart bodies (to the API and to the /detect upload form);
                Content-Length bigger than sent, smaller than sent, over the body limit, unparseable; chunked
                bodies (valid and broken); unknown ?model=
  timing        slow bodies (trickled bytes), stalled bodies (no answer may come while the body is incomplete),
                partial bodies (the client closes or resets mid-body; no answer is read)

Every answer is judged against docs/service.md: a 200 must be a detection (a damaged JPEG that still decodes may
get one; counted separately), anything else must be a 4xx whose (status, code) the service's error table lists,
with the JSON error body (the /detect form answers an HTML page showing the code). Any 5xx (a 503 too: the cases
are sequential, so nothing should be shed), a missing answer, a hang past --request-timeout or a dead process
fails the run. Afterwards the process must still be alive, /healthz 200, an intact image must get the same
detections as before the fuzz, /metrics must count no 5xx, and the log must hold no "request failed" lines. An
upload stalled mid-body is held open from the start; in a run longer than the service's 60 s idle timeout, the
service must have closed it by the end.

Case K of seed S is generated from (S, K) alone, so `--seed S --only-case K` replays one case exactly.
Exits 0 when everything passed, 1 otherwise (printing the seed and failing cases), 2 on usage errors.

Usage: python3 bench/upload_fuzz.py [--binary .build/debug/targetservice] [--cases 10000] [--seed 1]
           [--only-case K] [--save-request FILE] [--request-timeout 20] [--time-limit 1800] [--log cases.jsonl]
"""
import argparse
import json
import os
import random
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests/TargetServiceTests/Fixtures/images")
DOCS = os.path.join(ROOT, "docs/service.md")
MAX_BODY_BYTES = 8 * 1024 * 1024  # the service's default --max-body-bytes
MAX_PIXELS = 40_000_000  # the service's default --max-pixels
IDLE_TIMEOUT = 60  # seconds; HTTPServer closes a connection that sent nothing for this long
INTACT_IMAGE = "grace_hopper.jpg"

# ----------------------------------------------------------------------------------------------------------------
# JPEG structure


class Segment:
    """One piece of a JPEG file: a marker segment (from its 0xFF to the end of its payload) or a scan's data."""

    def __init__(self, kind, code, start, end):
        self.kind, self.code, self.start, self.end = kind, code, start, end


def segment_kind(code):
    if code == 0xD8:
        return "SOI"
    if code == 0xD9:
        return "EOI"
    if code == 0xC4:
        return "DHT"
    if code == 0xDB:
        return "DQT"
    if code == 0xDA:
        return "SOS"
    if code == 0xDD:
        return "DRI"
    if code == 0xFE:
        return "COM"
    if 0xE0 <= code <= 0xEF:
        return "APPn"
    if 0xC0 <= code <= 0xCF and code not in (0xC8, 0xCC):
        return "SOF"
    return "other"


def parse_segments(data):
    """Splits a well-formed JPEG into its segments; scan data (up to the next non-RST marker) is its own piece."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("no SOI")
    segments = [Segment("SOI", 0xD8, 0, 2)]
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            raise ValueError(f"expected a marker at {i}")
        j = i
        while data[j] == 0xFF:
            j += 1
        code = data[j]
        if code == 0xD9:
            segments.append(Segment("EOI", code, i, j + 1))
            break
        length = (data[j + 1] << 8) | data[j + 2]
        end = j + 1 + length
        segments.append(Segment(segment_kind(code), code, i, end))
        i = end
        if code == 0xDA:
            k = end
            while k + 1 < len(data) and not (data[k] == 0xFF and data[k + 1] not in (0x00, 0xFF)
                                             and not 0xD0 <= data[k + 1] <= 0xD7):
                k += 1
            segments.append(Segment("scan", None, end, k))
            i = k
    return segments


class Fixture:
    def __init__(self, name):
        self.name = name
        with open(os.path.join(FIXTURES, name), "rb") as f:
            self.data = f.read()
        self.segments = parse_segments(self.data)

    def of_kind(self, kind):
        return [s for s in self.segments if s.kind == kind]


# ----------------------------------------------------------------------------------------------------------------
# Cases: what to send and what may come back


class Case:
    """One upload: the request, how it is put on the wire, and what answers are acceptable."""

    def __init__(self, kind, detail, body=b"", *, path="/v1/detect", content_type="image/jpeg", headers=None,
                 expect=None, expect_code=None, answer="required", route="api"):
        self.kind = kind
        self.detail = detail
        self.body = body
        self.path = path
        self.content_type = content_type
        self.extra_headers = headers or []
        # None: any documented answer; else the set of statuses allowed for the first answer.
        self.expect = expect
        self.expect_code = expect_code
        # "required": at least one answer; "none": the client does not read one; "not-while-stalled": see stall.
        self.answer = answer
        self.answer_count = None  # when set: exactly this many answers on the connection
        self.route = route
        self.content_length = len(body)  # None: no Content-Length header
        self.connection_close = True
        self.half_close = False
        self.steps = None  # None: send head + body at once

    def head(self):
        lines = [f"POST {self.path} HTTP/1.1", "Host: 127.0.0.1"]
        if self.content_type is not None:
            lines.append(f"Content-Type: {self.content_type}")
        if self.content_length is not None:
            lines.append(f"Content-Length: {self.content_length}")
        if self.connection_close:
            lines.append("Connection: close")
        lines.extend(self.extra_headers)
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def wire(self):
        """The steps: ("send", bytes), ("sleep", s), ("shut",), ("close",), ("reset",), ("quiet", s)."""
        if self.steps is not None:
            return self.steps
        steps = [("send", self.head() + self.body)]
        if self.half_close:
            steps.append(("shut",))
        return steps


DECODE = {200, 400, 413}  # a damaged JPEG: still decodes, is refused as corrupt/unsupported, or too many pixels


def pick_fixture(rng, fixtures, kind=None):
    candidates = [f for f in fixtures if kind is None or f.of_kind(kind)]
    return rng.choice(candidates)


def flip_bits(rng, data, start, end, count):
    """Flips `count` distinct bits of data[start:end] (never one bit twice, which would undo the damage)."""
    out = bytearray(data)
    offsets = []
    for position in rng.sample(range(start * 8, end * 8), min(count, (end - start) * 8)):
        at, bit = divmod(position, 8)
        out[at] ^= 1 << bit
        offsets.append(f"{at}.{bit}")
    return bytes(out), offsets


def make_flip(segment):
    def mutate(rng, fixtures):
        fixture = pick_fixture(rng, fixtures, segment)
        target = rng.choice(fixture.of_kind(segment))
        body, offsets = flip_bits(rng, fixture.data, target.start, target.end, rng.choice([1, 1, 1, 2, 3, 4, 8, 16, 32]))
        return Case(f"flip-{segment}", f"{fixture.name}: {len(offsets)} bit(s) at {','.join(offsets[:6])}"
                    f"{'…' if len(offsets) > 6 else ''} in {segment} [{target.start},{target.end})",
                    body, expect=DECODE)
    return mutate


def truncate(rng, fixtures):
    fixture = pick_fixture(rng, fixtures)
    n = len(fixture.data)
    how = rng.random()
    if how < 0.15:
        cut = rng.randrange(0, 24)
    elif how < 0.55:
        boundary = rng.choice(fixture.segments)
        cut = max(0, min(n - 1, rng.choice([boundary.start, boundary.end]) + rng.randrange(-3, 4)))
    else:
        cut = rng.randrange(0, n)
    body = fixture.data[:cut]
    expect_code = "empty_body" if cut == 0 else None
    return Case("truncate", f"{fixture.name}[:{cut}] of {n}", body, expect={400} if cut < n - 2 else DECODE,
                expect_code=expect_code)


BAD_CODES = [0x00, 0x01, 0xFF, 0x02, 0x4F, 0xBF, 0xC1, 0xC3, 0xC5, 0xC7, 0xC8, 0xC9, 0xCB, 0xCC, 0xCF, 0xD0,
             0xD7, 0xD8, 0xD9, 0xDC, 0xDE, 0xDF, 0xF0, 0xF7, 0xFD]


def bad_marker(rng, fixtures):
    fixture = pick_fixture(rng, fixtures)
    data = bytearray(fixture.data)
    markers = [s for s in fixture.segments if s.kind != "scan"]
    how = rng.randrange(4)
    if how == 0:  # another marker code in place of a real one
        target = rng.choice(markers)
        code = rng.choice(BAD_CODES + [rng.randrange(256)])
        data[target.start + 1] = code
        detail = f"{target.kind} at {target.start} recoded to 0x{code:02X}"
    elif how == 1:  # the 0xFF prefix lost
        target = rng.choice(markers)
        value = rng.choice([0x00, 0xFE, 0x7F, rng.randrange(256)])
        data[target.start] = value
        detail = f"{target.kind} at {target.start}: prefix 0xFF -> 0x{value:02X}"
    elif how == 2:  # a stray marker segment inserted between two segments
        at = rng.choice([s.end for s in markers if s.kind != "EOI"])
        code = rng.choice(BAD_CODES + [0xDD, 0xFE, 0xE5, rng.randrange(0xC0, 0x100)])
        payload = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 40)))
        length = rng.choice([len(payload) + 2, len(payload) + 2, 0, 1, 0xFFFF, rng.randrange(0x10000)])
        insert = bytes([0xFF, code]) + struct.pack(">H", length) + payload
        data[at:at] = insert
        detail = f"inserted 0xFF{code:02X} length {length} ({len(payload)} bytes) at {at}"
    else:  # markers sprinkled over the scan data (RSTn out of sequence, EOI, SOS, fill bytes)
        scan = rng.choice(fixture.of_kind("scan"))
        count = rng.choice([1, 2, 5, 20])
        placed = []
        for _ in range(count):
            at = rng.randrange(scan.start, max(scan.start + 1, scan.end - 2))
            code = rng.choice([0xD0, 0xD3, 0xD7, 0xD9, 0xDA, 0xC4, 0xFF, 0x01, rng.randrange(256)])
            data[at:at + 2] = bytes([0xFF, code])
            placed.append(f"0x{code:02X}@{at}")
        detail = "scan markers " + ",".join(placed[:6])
    return Case("marker-bad", f"{fixture.name}: {detail}", bytes(data), expect=DECODE)


def duplicate_marker(rng, fixtures):
    fixture = pick_fixture(rng, fixtures)
    data = fixture.data
    kind = rng.choice(["SOI", "APPn", "DQT", "SOF", "DHT", "SOS", "EOI", "many-APPn"])
    if kind == "many-APPn":
        app = bytes([0xFF, 0xE1]) + struct.pack(">H", 66) + bytes(rng.randrange(256) for _ in range(64))
        copies = rng.choice([10, 100, 1000])
        body = data[:2] + app * copies + data[2:]
        return Case("marker-dup", f"{fixture.name}: {copies} extra APP1 segments", body, expect=DECODE)
    candidates = fixture.of_kind(kind)
    target = rng.choice(candidates)
    piece = data[target.start:target.end]
    if kind == "SOS":  # the scan header with its data
        scan = next(s for s in fixture.segments if s.start == target.end)
        piece = data[target.start:scan.end]
    where = rng.choice(["after", "before-scan", "at-random-boundary"])
    if where == "after":
        at = target.end if kind != "SOS" else target.start + len(piece)
    elif where == "before-scan":
        at = fixture.of_kind("SOS")[0].start
    else:
        at = rng.choice([s.start for s in fixture.segments if s.kind != "scan"] + [len(data)])
    body = data[:at] + piece + data[at:]
    return Case("marker-dup", f"{fixture.name}: {kind} [{target.start},{target.start + len(piece)}) copied to {at}",
                body, expect=DECODE)


def missing_marker(rng, fixtures):
    fixture = pick_fixture(rng, fixtures)
    kind = rng.choice(["SOI", "APPn", "DQT", "SOF", "DHT", "SOS", "scan", "EOI"])
    target = rng.choice(fixture.of_kind(kind))
    body = fixture.data[:target.start] + fixture.data[target.end:]
    return Case("marker-missing", f"{fixture.name}: {kind} [{target.start},{target.end}) removed", body,
                expect={400} if kind in ("SOI", "SOF", "SOS", "scan") else DECODE)


def segment_length(rng, fixtures):
    fixture = pick_fixture(rng, fixtures)
    target = rng.choice([s for s in fixture.segments if s.kind not in ("SOI", "EOI", "scan")])
    data = bytearray(fixture.data)
    real = (data[target.start + 2] << 8) | data[target.start + 3]
    value = rng.choice([0, 1, 2, 3, real - 1, real + 1, real - rng.randrange(1, 64), real + rng.randrange(1, 4096),
                        0xFFFF, rng.randrange(0x10000)]) & 0xFFFF
    data[target.start + 2:target.start + 4] = struct.pack(">H", value)
    return Case("segment-length", f"{fixture.name}: {target.kind} at {target.start} length {real} -> {value}",
                bytes(data), expect=DECODE)


def sof_dimensions(rng, fixtures):
    fixture = pick_fixture(rng, fixtures, "SOF")
    sof = fixture.of_kind("SOF")[0]
    data = bytearray(fixture.data)
    height, width = struct.unpack(">HH", data[sof.start + 5:sof.start + 9])
    how = rng.randrange(6)
    if how == 0:  # far over the pixel budget
        new = rng.choice([(65535, 65535), (65535, 1000), (7000, 7000), (40000, 1001)])
    elif how == 1:  # just under / just over the budget
        side = rng.choice([6324, 6325, 6000, 6400])
        new = (side, side)
    elif how == 2:  # zero
        new = rng.choice([(0, width), (height, 0), (0, 0)])
    elif how == 3:  # tiny or mismatched with the data
        new = rng.choice([(1, 1), (height // 2, width), (height, width * 2), (height + 1, width + 1), (8, 65535)])
    elif how == 4:  # precision / component count
        offset, value = rng.choice([(4, 12), (4, 16), (4, 0), (9, 0), (9, 2), (9, 4), (9, 255)])
        data[sof.start + offset] = value
        return Case("sof-dims", f"{fixture.name}: SOF byte +{offset} -> {value}", bytes(data), expect=DECODE)
    else:
        new = (rng.randrange(0x10000), rng.randrange(0x10000))
    data[sof.start + 5:sof.start + 9] = struct.pack(">HH", *new)
    pixels = new[0] * new[1]
    expect_code = "image_too_large" if pixels > MAX_PIXELS else None
    return Case("sof-dims", f"{fixture.name}: {width}x{height} declared as {new[1]}x{new[0]}", bytes(data),
                expect={413} if expect_code else DECODE, expect_code=expect_code)


def splice(rng, fixtures):
    a, b = rng.choice(fixtures), rng.choice(fixtures)
    head = a.data[:rng.randrange(2, a.of_kind("SOS")[0].end + 1)]
    tail = b.data[rng.randrange(0, len(b.data)):]
    return Case("splice", f"{a.name}[:{len(head)}] + {b.name}[-{len(tail)}:]", head + tail, expect=DECODE)


MAGIC = [b"\x89PNG\r\n\x1a\n", b"GIF89a", b"BM", b"RIFF\x00\x00\x00\x00WEBP", b"II*\x00", b"\x00\x00\x01\x00",
         b"%PDF-1.4", b"<?xml", b"\xff\xd8", b"\xff\xd8\xff", b"\xff\xd8\xff\xe0"]


def garbage(rng, fixtures):
    how = rng.randrange(6)
    size = rng.choice([1, 2, 3, 16, 512, 4096, 65536])
    noise = bytes(rng.randrange(256) for _ in range(min(size, 4096))) * max(1, size // 4096)
    if how == 0:
        return Case("garbage", f"{size} random bytes", noise, expect={400})
    if how == 1:
        magic = rng.choice(MAGIC)
        return Case("garbage", f"{magic[:8]!r} + {size} random bytes", magic + noise, expect={400})
    if how == 2:
        return Case("garbage", "empty body", b"", expect={400}, expect_code="empty_body")
    if how == 3:
        byte = rng.choice([0x00, 0xFF, 0xD8])
        return Case("garbage", f"{size} x 0x{byte:02X}", bytes([byte]) * size, expect={400})
    if how == 4:  # a JPEG after leading junk: there is no SOI at the start
        fixture = rng.choice(fixtures)
        return Case("garbage", f"{size} junk bytes + {fixture.name}", noise + fixture.data, expect={400})
    text = rng.choice([b"hello", b"{\"image\": \"x\"}", b"--boundary\r\n", b"GET / HTTP/1.1\r\n\r\n"])
    return Case("garbage", f"text {text!r}", text, expect={400})


def intact_or_mutated(rng, fixtures):
    """A body for framing cases: usually intact (so the framing decides), sometimes damaged."""
    fixture = rng.choice(fixtures)
    if rng.random() < 0.7:
        return fixture.data, fixture.name, {200}
    scan = rng.choice(fixture.of_kind("scan"))
    body, _ = flip_bits(rng, fixture.data, scan.start, scan.end, 4)
    return body, f"{fixture.name} (4 scan bits flipped)", DECODE


WRONG_TYPES = ["text/plain", "image/png", "application/octet-stream", "image/jpg", "image/pjpeg", "image/jpeg2000",
               "image/", "jpeg", "application/json", "", " ", "image/jpegx", "image /jpeg", "image/jpeg,image/png",
               "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/jpeg\x85"]
# Not even HTTP: a control character in a header value.
INVALID_TYPES = ["\x00image/jpeg", "image/jpeg\x01", "image\x7f/jpeg"]
SAME_TYPES = ["IMAGE/JPEG", "image/JPEG", "image/jpeg; charset=binary", "image/jpeg;", "image/jpeg ;q=1",
              " image/jpeg", "image/jpeg; boundary=--x"]


def content_type(rng, fixtures):
    body, name, decodes = intact_or_mutated(rng, fixtures)
    how = rng.randrange(9)
    if how == 0:
        case = Case("content-type", f"no Content-Type, {name}", body, content_type=None, expect={415},
                    expect_code="unsupported_media_type")
    elif how == 8:
        value = rng.choice(INVALID_TYPES)
        case = Case("content-type", f"Content-Type {value!r}, {name}", body, content_type=value, expect={400},
                    expect_code="malformed_request")
    elif how in (1, 2):
        value = rng.choice(SAME_TYPES)
        case = Case("content-type", f"Content-Type {value!r} (still image/jpeg), {name}", body,
                    content_type=value, expect=decodes)
    else:
        value = rng.choice(WRONG_TYPES)
        case = Case("content-type", f"Content-Type {value!r}, {name}", body, content_type=value, expect={415},
                    expect_code="unsupported_media_type")
    return case


def multipart_body(boundary, image, *, filename="photo.jpg", field="image", model=None, closing=True,
                   disposition=True, part_headers=""):
    out = b""
    if model is not None:
        out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n{model}\r\n".encode()
    out += f"--{boundary}\r\n".encode()
    if disposition:
        out += f"Content-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n".encode()
    out += f"Content-Type: image/jpeg\r\n{part_headers}\r\n".encode()
    out += image + b"\r\n"
    if closing:
        out += f"--{boundary}--\r\n".encode()
    return out


def multipart_api(rng, fixtures):
    body, name, _ = intact_or_mutated(rng, fixtures)
    boundary = "----fuzz" + "".join(rng.choice("abcdef0123456789") for _ in range(16))
    return Case("multipart-api", f"multipart/form-data with {name} to /v1/detect", multipart_body(boundary, body),
                content_type=f"multipart/form-data; boundary={boundary}", expect={415},
                expect_code="unsupported_media_type")


def web_form(rng, fixtures):
    """POST /detect, the upload form: multipart parsing, then the same decode path; answers are HTML pages."""
    boundary = "----fuzz" + "".join(rng.choice("abcdef0123456789") for _ in range(16))
    content = f"multipart/form-data; boundary={boundary}"
    image, name, decodes = intact_or_mutated(rng, fixtures)
    how = rng.randrange(10)
    if how == 0:
        case = Case("web-form", f"form with {name}", multipart_body(boundary, image), expect=decodes)
    elif how == 1:
        fixture = rng.choice(fixtures)
        cut = rng.randrange(0, len(fixture.data))
        case = Case("web-form", f"form with {fixture.name}[:{cut}]", multipart_body(boundary, fixture.data[:cut]),
                    expect={400})
    elif how == 2:
        case = Case("web-form", f"form without the closing delimiter, {name}",
                    multipart_body(boundary, image, closing=False), expect={400})
    elif how == 3:
        form = multipart_body(boundary, image)
        cut = rng.randrange(0, len(form))
        case = Case("web-form", f"form cut at {cut} of {len(form)}", form[:cut], expect={400})
    elif how == 4:
        case = Case("web-form", "form without a boundary parameter", multipart_body(boundary, image), expect={400})
        content = rng.choice(["multipart/form-data", "multipart/form-data; boundary=", "image/jpeg", None])
    elif how == 5:
        case = Case("web-form", "form whose boundary differs from the header's", multipart_body(boundary, image),
                    expect={400})
        content = "multipart/form-data; boundary=other"
    elif how == 6:
        case = Case("web-form", "form without an image field",
                    multipart_body(boundary, image, field=rng.choice(["file", "IMAGE", ""])), expect={400})
    elif how == 7:
        case = Case("web-form", "form with an empty image", multipart_body(boundary, b""), expect={400},
                    expect_code="empty_body")
    elif how == 8:
        model = rng.choice(["nope", "../face", "face\x00", "x" * 300, "<script>"])
        case = Case("web-form", f"form naming model {model[:20]!r}, {name}",
                    multipart_body(boundary, image, model=model), expect={404}, expect_code="unknown_model")
    else:  # part headers over 8 KiB, a second Content-Disposition, or none
        extra = rng.choice(["X-Pad: " + "a" * 9000 + "\r\n", "", "Content-Disposition: attachment\r\n"])
        disposition = bool(extra) and rng.random() < 0.5
        case = Case("web-form", f"image part with {len(extra)} bytes of extra headers and "
                    f"{'its' if disposition else 'no'} form-data disposition",
                    multipart_body(boundary, image, disposition=disposition, part_headers=extra), expect={400})
    case.path = "/detect"
    case.route = "web"
    case.content_type = content
    return case


def length_longer(rng, fixtures):
    """Content-Length promises more than is sent; the client then half-closes: the body can never complete."""
    body, name, _ = intact_or_mutated(rng, fixtures)
    if rng.random() < 0.3:
        body = body[:rng.randrange(0, len(body))]
    extra = rng.choice([1, 2, 100, 4096, rng.randrange(1, MAX_BODY_BYTES - len(body))])
    case = Case("length-long", f"{name}: {len(body)} bytes sent, Content-Length {len(body) + extra}", body,
                expect={400})
    case.content_length = len(body) + extra
    case.half_close = True
    return case


def length_shorter(rng, fixtures):
    """Content-Length promises less than is sent: the rest is read as the next request on the connection."""
    body, name, _ = intact_or_mutated(rng, fixtures)
    declared = rng.choice([0, 1, 2, rng.randrange(0, len(body)), len(body) - 1, len(body) - 2])
    case = Case("length-short", f"{name}: {len(body)} bytes sent, Content-Length {declared}", body,
                expect={400, 200} if declared >= len(body) - 2 else {400})
    case.content_length = declared
    case.connection_close = False
    case.half_close = True
    case.answer_count = 2  # the upload's, then 400 malformed_request for the bytes after it
    return case


def length_huge(rng, fixtures):
    fixture = rng.choice(fixtures)
    how = rng.randrange(3)
    if how == 0:  # a number the server can read, over the body limit: refused before reading
        declared = rng.choice([MAX_BODY_BYTES + 1, 2 * MAX_BODY_BYTES, 10 ** 9, 10 ** 12, 2 ** 62])
        case = Case("length-huge", f"Content-Length {declared}, {fixture.name} sent", fixture.data, expect={413},
                    expect_code="body_too_large")
        case.content_length = declared
        case.half_close = rng.random() < 0.5
        return case
    if how == 1:  # unreadable lengths
        value = rng.choice(["18446744073709551616", "99999999999999999999999999999", "-1", "abc", "1e6", "0x10",
                            "12 3", "+5", "", " "])
        case = Case("length-huge", f"Content-Length {value!r}", fixture.data, expect={400})
        case.content_length = None
        case.extra_headers = [f"Content-Length: {value}"]
        return case
    # two Content-Length headers, or Content-Length with chunked
    if rng.random() < 0.5:
        case = Case("length-huge", "two different Content-Length headers", fixture.data, expect={400})
        case.extra_headers = [f"Content-Length: {len(fixture.data) + 1}"]
    else:
        case = Case("length-huge", "Content-Length and Transfer-Encoding: chunked", fixture.data, expect={400})
        case.extra_headers = ["Transfer-Encoding: chunked"]
    return case


def chunked(rng, fixtures):
    body, name, decodes = intact_or_mutated(rng, fixtures)
    pieces = []
    i = 0
    while i < len(body):
        n = rng.choice([1, 7, 512, 4096, 65536])
        pieces.append(body[i:i + n])
        i += n
    how = rng.randrange(7)
    framed = b""
    expect = decodes
    detail = f"{name} in {len(pieces)} chunks"
    half_close = False
    for index, piece in enumerate(pieces):
        size = b"%x" % len(piece)
        if how in (1, 6) and index == len(pieces) // 2:
            size = rng.choice([b"zz", b"-1", b"", b"ffffffffffffffffff", b"1 2"])
            detail += f", chunk {index} size {size!r}"
            expect = {400}
        if how == 2 and index == len(pieces) // 2:
            size += b";ext=1"
            detail += ", a chunk extension"
        framed += size + b"\r\n" + piece + b"\r\n"
    if how == 3:  # no last chunk; the client half-closes
        detail += ", no last chunk"
        expect = {400}
        half_close = True
    else:
        framed += b"0\r\n"
        if how == 4:
            framed += b"X-Trailer: 1\r\n"
            detail += ", a trailer"
        framed += b"\r\n"
    if how == 5:  # more than the body limit, in chunks: the streamed-body cap refuses it
        big = bytes(65536)
        count = MAX_BODY_BYTES // len(big) + 2
        framed = (b"%x\r\n" % len(big) + big + b"\r\n") * count + b"0\r\n\r\n"
        detail = f"{count} chunks of 64 KiB (over the body limit)"
        expect = {413}
    case = Case("chunked", detail, framed, expect=expect,
                expect_code="body_too_large" if how == 5 else None)
    if how == 6:  # refused before the body is read: that answer is the only one, the broken chunk adds none
        case.content_type = "text/plain"
        case.detail += ", Content-Type text/plain"
        case.expect, case.expect_code, case.answer_count = {415}, "unsupported_media_type", 1
    case.content_length = None
    case.extra_headers = ["Transfer-Encoding: chunked"]
    case.half_close = half_close
    return case


def slow(rng, fixtures):
    """The head and body trickled in small pieces with pauses: the answer is the one the whole upload gets."""
    body, name, decodes = intact_or_mutated(rng, fixtures)
    case = Case("slow", "", body, expect=decodes)
    payload = case.head() + body
    pieces = rng.choice([5, 10, 20, 40])
    total = rng.uniform(0.3, 1.2)
    cuts = sorted(rng.sample(range(1, len(payload)), pieces - 1))
    steps = []
    last = 0
    for cut in cuts + [len(payload)]:
        steps.append(("send", payload[last:cut]))
        steps.append(("sleep", total / pieces))
        last = cut
    case.steps = steps[:-1]
    case.detail = f"{name} in {pieces} pieces over {total:.2f}s"
    return case


def partial(rng, fixtures):
    """The client gives up mid-body (or right after it): closes or resets; it reads no answer."""
    body, name, _ = intact_or_mutated(rng, fixtures)
    case = Case("partial", "", body, answer="none")
    cut = rng.choice([0, 1, rng.randrange(0, len(body)), len(body)])
    how = rng.choice(["close", "reset"])
    pause = rng.choice([0, 0.01, 0.05])
    case.steps = [("send", case.head() + body[:cut]), ("sleep", pause), (how,)]
    case.detail = f"{name}: {cut} of {len(body)} body bytes, then {how} after {pause}s"
    return case


def stall(rng, fixtures):
    """Head and part of the body, then silence: no answer may come while the body is incomplete."""
    body, name, _ = intact_or_mutated(rng, fixtures)
    case = Case("stall", "", body, answer="not-while-stalled")
    cut = rng.randrange(0, len(body))
    quiet = rng.uniform(0.3, 0.8)
    case.steps = [("send", case.head() + body[:cut]), ("quiet", quiet), (rng.choice(["close", "reset"]),)]
    case.detail = f"{name}: {cut} of {len(body)} body bytes, then {quiet:.2f}s of silence"
    return case


def unknown_model(rng, fixtures):
    body, name, decodes = intact_or_mutated(rng, fixtures)
    value = rng.choice(["nope", "FACE", "face%00", "face%20", "..%2Fface", "%C3%A9", "x" * 2000, "face&model=cat"])
    expect = decodes if value == "face&model=cat" else {404}
    return Case("model", f"?model={value[:24]}, {name}", body, path=f"/v1/detect?model={value}", expect=expect,
                expect_code=None if value == "face&model=cat" else "unknown_model")


# kind → (generator, weight): kind K appears `weight` times in each cycle of the case schedule.
KINDS = {
    "truncate": (truncate, 8),
    "flip-SOI": (make_flip("SOI"), 2),
    "flip-APPn": (make_flip("APPn"), 3),
    "flip-DQT": (make_flip("DQT"), 5),
    "flip-SOF": (make_flip("SOF"), 5),
    "flip-DHT": (make_flip("DHT"), 5),
    "flip-SOS": (make_flip("SOS"), 5),
    "flip-scan": (make_flip("scan"), 10),
    "flip-EOI": (make_flip("EOI"), 2),
    "marker-bad": (bad_marker, 6),
    "marker-dup": (duplicate_marker, 4),
    "marker-missing": (missing_marker, 4),
    "segment-length": (segment_length, 4),
    "sof-dims": (sof_dimensions, 5),
    "splice": (splice, 2),
    "garbage": (garbage, 3),
    "content-type": (content_type, 5),
    "multipart-api": (multipart_api, 1),
    "web-form": (web_form, 4),
    "length-long": (length_longer, 3),
    "length-short": (length_shorter, 3),
    "length-huge": (length_huge, 3),
    "chunked": (chunked, 3),
    "model": (unknown_model, 1),
    "slow": (slow, 1),
    "partial": (partial, 2),
    "stall": (stall, 1),
}


def schedule():
    """Kinds spread evenly over one cycle, so any prefix of the run holds each kind in proportion."""
    slots = []
    for kind, (_, weight) in KINDS.items():
        slots.extend(((i + 0.5) / weight, kind) for i in range(weight))
    return [kind for _, kind in sorted(slots)]


CYCLE = schedule()


def make_case(seed, index, fixtures):
    rng = random.Random(f"upload-fuzz:{seed}:{index}")
    kind = CYCLE[index % len(CYCLE)]
    case = KINDS[kind][0](rng, fixtures)
    # Half of the ordinary uploads keep the connection alive and half-close instead of saying Connection: close.
    if case.steps is None and not case.half_close and rng.random() < 0.4:
        case.connection_close = False
        case.half_close = True
    return case


# ----------------------------------------------------------------------------------------------------------------
# The wire


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body


def parse_answers(data):
    """Every complete HTTP response in `data`, in order; then the unparsed rest (a cut-off response)."""
    answers = []
    while data:
        end = data.find(b"\r\n\r\n")
        if end < 0:
            break
        lines = data[:end].decode("latin-1").split("\r\n")
        match = re.match(r"HTTP/1\.[01] (\d{3})", lines[0])
        if not match:
            break
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        rest = data[end + 4:]
        status = int(match.group(1))
        if 100 <= status < 200:
            data = rest
            continue
        if "content-length" in headers:
            length = int(headers["content-length"])
            if len(rest) < length:
                break
            body, data = rest[:length], rest[length:]
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body, i = b"", 0
            while True:
                line_end = rest.find(b"\r\n", i)
                if line_end < 0:
                    return answers, data
                size = int(rest[i:line_end].split(b";")[0], 16)
                if size == 0:
                    trailer_end = rest.find(b"\r\n\r\n", line_end - 2 if line_end >= 2 else 0)
                    i = (trailer_end + 4) if trailer_end >= 0 else len(rest)
                    break
                body += rest[line_end + 2:line_end + 2 + size]
                i = line_end + 2 + size + 2
            data = rest[i:]
        else:
            body, data = rest, b""
        answers.append(Answer(status, headers, body))
    return answers, data


def exchange(port, case, timeout):
    """Runs the case's steps on a fresh connection; returns (answers, rest, event) where event says how it ended."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    deadline = time.monotonic() + timeout
    received = b""
    event = "eof"
    quiet_broken = False
    try:
        for step in case.wire():
            if step[0] == "send":
                try:
                    sock.settimeout(max(0.1, deadline - time.monotonic()))
                    sock.sendall(step[1])
                except (BrokenPipeError, ConnectionResetError):
                    event = "send-refused"  # the server closed while we sent: read what it answered
                    break
                except socket.timeout:
                    return [], received, "timeout"
            elif step[0] == "sleep":
                time.sleep(step[1])
            elif step[0] == "shut":
                sock.shutdown(socket.SHUT_WR)
            elif step[0] == "quiet":
                ready, _, _ = select.select([sock], [], [], step[1])
                if ready:
                    chunk = sock.recv(65536)
                    received += chunk
                    quiet_broken = True
            elif step[0] in ("close", "reset"):
                if step[0] == "reset":
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                sock.close()
                sock = None
                answers, rest = parse_answers(received)
                return answers, rest, "answered-while-stalled" if quiet_broken else "client-closed"
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                event = "timeout"
                break
            sock.settimeout(remaining)
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                event = "timeout"
                break
            except ConnectionResetError:
                event = "reset" if event == "eof" else event
                break
            if not chunk:
                break
            received += chunk
    finally:
        if sock is not None:
            sock.close()
    answers, rest = parse_answers(received)
    return answers, rest, event


# ----------------------------------------------------------------------------------------------------------------
# Judging


def documented_errors():
    """(status, code) pairs of the error table in docs/service.md: the only refusals a client may see."""
    pairs = set()
    with open(DOCS) as f:
        for line in f:
            match = re.match(r"^\| (\d{3}) \| `([a-z_]+)` \|", line)
            if match:
                pairs.add((int(match.group(1)), match.group(2)))
    if not pairs:
        sys.exit(f"no error table found in {DOCS}")
    return pairs


def judge_answer(case, answer, documented):
    """Returns (label, problem or None) for one response."""
    status = answer.status
    content_type = answer.headers.get("content-type", "")
    if case.route == "web":
        html = answer.body.decode("utf-8", "replace")
        if "text/html" not in content_type:
            return f"{status} non-html", f"a {status} from /detect that is not an HTML page ({content_type!r})"
        if status == 200:
            if 'id="summary"' not in html:
                return "200 no result", "a 200 page without the detection result"
            return "200", None
        match = re.search(r'id="detect-error"><strong>[^<]*</strong> \(<code>([a-z_]+)</code>\)', html)
        code = match.group(1) if match else None
        label = f"{status} {code or 'no-code'}"
        if status >= 500:
            return label, f"server error {status}"
        if code is None:
            return label, f"a {status} page without an error code"
        if (status, code) not in documented:
            return label, f"({status}, {code}) is not in the documented error table"
        return label, None
    try:
        payload = json.loads(answer.body) if answer.body else None
    except ValueError:
        payload = None
    if status == 200:
        if not isinstance(payload, dict) or not isinstance(payload.get("detections"), list) \
                or not isinstance(payload.get("image"), dict):
            return "200 bad-body", "a 200 whose body is not a detection"
        return "200", None
    error = payload.get("error") if isinstance(payload, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    label = f"{status} {code or 'no-json-error'}"
    if status >= 500:
        return label, f"server error {status}" + (" (load shedding; the cases are sequential)" if status == 503 else "")
    if not isinstance(error, dict) or not isinstance(code, str) or not isinstance(error.get("message"), str):
        return label, f"a {status} without the JSON error body ({answer.body[:80]!r})"
    if "application/json" not in content_type:
        return label, f"a {status} JSON error with Content-Type {content_type!r}"
    if (status, code) not in documented:
        return label, f"({status}, {code}) is not in the documented error table"
    if not 400 <= status < 500:
        return label, f"status {status} is neither 200 nor 4xx"
    return label, None


def judge(case, answers, rest, event, documented):
    """Returns (outcome label for the table, list of problems)."""
    problems = []
    labels = []
    for answer in answers:
        label, problem = judge_answer(case, answer, documented)
        labels.append(label)
        if problem:
            problems.append(problem)
    if rest:
        problems.append(f"a cut-off response ({len(rest)} bytes: {rest[:60]!r})")
    if case.answer == "none":
        return ("no answer read" if not labels else labels[0]), problems
    if case.answer == "not-while-stalled":
        if event == "answered-while-stalled":
            problems.append("an answer came while the body was still incomplete")
        return ("no answer while stalled" if not labels else labels[0]), problems
    if not answers:
        problems.append({"timeout": f"no answer within the request timeout",
                         "reset": "the connection was reset without an answer",
                         "send-refused": "the server closed the connection while the request was sent, without an answer",
                         }.get(event, "the connection closed without an answer"))
        return event, problems
    if event == "timeout":
        problems.append("the connection stayed open past the request timeout after the answer")
    if case.answer_count is not None and len(answers) != case.answer_count:
        problems.append(f"{len(answers)} answers ({', '.join(labels)}), expected {case.answer_count}")
    first = answers[0]
    if case.expect is not None and first.status not in case.expect:
        problems.append(f"status {first.status}, expected one of {sorted(case.expect)}")
    if case.expect_code is not None and first.status != 200 and case.expect_code not in labels[0]:
        problems.append(f"code {labels[0]}, expected {case.expect_code}")
    return labels[0], problems


# ----------------------------------------------------------------------------------------------------------------
# The service process


class Service:
    def __init__(self, binary, data_dir, log_path):
        self.log = open(log_path, "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--data", data_dir],
            stdout=subprocess.PIPE, stderr=self.log)
        ready, _, _ = select.select([self.process.stdout], [], [], 60)
        line = self.process.stdout.readline().decode().strip() if ready else ""
        if not line.startswith("http://"):
            self.stop()
            raise RuntimeError(f"the service did not print its address (got {line!r})")
        self.port = int(line.rsplit(":", 1)[1])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/readyz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("the service never became ready")

    @property
    def alive(self):
        return self.process.poll() is None

    def request(self, method, path, body=b"", content_type=None, timeout=20):
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {len(body)}\r\n"
        if content_type:
            head += f"Content-Type: {content_type}\r\n"
        probe = Case("probe", "", body)
        probe.steps = [("send", (head + "\r\n").encode() + body)]
        answers, _, _ = exchange(self.port, probe, timeout)
        if not answers:
            raise OSError(f"no answer to {method} {path}")
        return answers[0].status, answers[0].body

    def get(self, path):
        return self.request("GET", path, timeout=5)

    def stop(self):
        """SIGTERM, then SIGKILL after 15 s: only this process, by its PID."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process.stdout.close()
        self.log.close()


def detections(service, image):
    status, body = service.request("POST", "/v1/detect", image, "image/jpeg")
    if status != 200:
        return None
    return json.loads(body)["detections"]


def closed_by_server(sock):
    """True once the peer has closed `sock` (after any answer); False while it is still open."""
    sock.setblocking(False)
    try:
        while sock.recv(65536):
            pass
        return True
    except BlockingIOError:
        return False
    except ConnectionResetError:
        return True


def metrics_5xx(service):
    status, body = service.get("/metrics")
    if status != 200:
        return [f"/metrics answered {status}"]
    # /readyz answers 503 by design while the models load, before the fuzz starts.
    return [line for line in body.decode().splitlines()
            if line.startswith("targetservice_http_requests_total") and re.search(r'status="5\d\d"', line)
            and 'route="/readyz"' not in line]


# ----------------------------------------------------------------------------------------------------------------
# Main


def column(label):
    """The summary table's column for an outcome: its status, or "none" when no answer was read (by design)."""
    first = label.split()[0]
    return first if first.isdigit() else "none"


def print_tables(results, failures_by_kind):
    statuses = sorted({column(label) for kind in results for label in results[kind]},
                      key=lambda s: (not s.isdigit(), s))
    header = ["kind", "cases"] + statuses + ["failed"]
    print("| " + " | ".join(header) + " |")
    print("|---|" + "---:|" * (len(header) - 1))
    totals = Counter()
    for kind in KINDS:
        if kind not in results:
            continue
        by_status = Counter()
        for label, count in results[kind].items():
            by_status[column(label)] += count
        n = sum(by_status.values())
        totals.update(by_status)
        totals["cases"] += n
        totals["failed"] += failures_by_kind[kind]
        print(f"| {kind} | {n} | " + " | ".join(str(by_status.get(s, 0) or "") for s in statuses)
              + f" | {failures_by_kind[kind]} |")
    print(f"| **all** | {totals['cases']} | " + " | ".join(str(totals.get(s, 0)) for s in statuses)
          + f" | {totals['failed']} |")
    print()
    codes = Counter()
    for kind in results:
        codes.update(results[kind])
    print("| answer | cases |")
    print("|---|---:|")
    for label, count in sorted(codes.items(), key=lambda item: (-item[1], item[0])):
        print(f"| {label} | {count} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/targetservice"))
    parser.add_argument("--cases", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only-case", type=int, help="run just this case (prints its request and answers)")
    parser.add_argument("--save-request", help="with --only-case: write the bytes the case sends to this file")
    parser.add_argument("--request-timeout", type=float, default=20.0, help="seconds per case (default 20)")
    parser.add_argument("--time-limit", type=float, default=1800.0, help="seconds for the whole run (default 1800)")
    parser.add_argument("--log", help="write one JSON line per case to this file")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        print(f"no targetservice executable at {args.binary}; build it first (swift build --product targetservice)",
              file=sys.stderr)
        return 2
    if args.cases < 1:
        print("--cases must be at least 1", file=sys.stderr)
        return 2

    fixtures = [Fixture(name) for name in sorted(os.listdir(FIXTURES)) if name.endswith(".jpg")]
    documented = documented_errors()
    indices = [args.only_case] if args.only_case is not None else range(args.cases)
    if args.save_request:
        if args.only_case is None:
            print("--save-request needs --only-case", file=sys.stderr)
            return 2
        case = make_case(args.seed, args.only_case, fixtures)
        with open(args.save_request, "wb") as f:
            f.write(b"".join(step[1] for step in case.wire() if step[0] == "send"))

    work = tempfile.mkdtemp(prefix="upload-fuzz-")
    log_path = os.path.join(work, "service.log")
    started = time.monotonic()
    service = None
    failures = []
    results = defaultdict(Counter)
    failures_by_kind = Counter()
    final_problems = []
    case_log = open(args.log, "w") if args.log else None
    try:
        service = Service(args.binary, os.path.join(work, "data"), log_path)
        with open(os.path.join(FIXTURES, INTACT_IMAGE), "rb") as f:
            intact = f.read()
        baseline = detections(service, intact)
        if not baseline:
            raise RuntimeError(f"the intact {INTACT_IMAGE} got no detections before the fuzz")
        # A connection whose body never completes, held open for the whole run: the idle timeout must close it.
        idle = socket.create_connection(("127.0.0.1", service.port), timeout=5)
        idle.sendall(b"POST /v1/detect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/jpeg\r\n"
                     b"Content-Length: 1000\r\n\r\n\xff\xd8\xff")
        idle_opened = time.monotonic()

        print(f"upload fuzz: seed {args.seed}, {len(indices)} case(s), {args.binary}, pid {service.process.pid}, "
              f"port {service.port}", flush=True)
        stopped_early = None
        for done, index in enumerate(indices):
            if time.monotonic() - started > args.time_limit:
                stopped_early = f"the time limit of {args.time_limit:.0f}s ran out after {done} cases"
                break
            case = make_case(args.seed, index, fixtures)
            began = time.monotonic()
            answers, rest, event = exchange(service.port, case, args.request_timeout)
            elapsed = time.monotonic() - began
            label, problems = judge(case, answers, rest, event, documented)
            if not service.alive:
                problems.append(f"the service process died (exit status {service.process.returncode})")
            elif (done + 1) % 250 == 0:
                try:
                    status, _ = service.get("/healthz")
                    if status != 200:
                        problems.append(f"/healthz answered {status} after this case")
                except OSError as error:
                    problems.append(f"/healthz failed after this case: {error}")
            results[case.kind][label] += 1
            if problems:
                failures_by_kind[case.kind] += 1
                failures.append((index, case, label, problems))
            if case_log:
                case_log.write(json.dumps({"case": index, "kind": case.kind, "detail": case.detail, "outcome": label,
                                           "answers": [a.status for a in answers], "event": event,
                                           "ms": round(elapsed * 1000, 1), "problems": problems}) + "\n")
            if args.only_case is not None:
                print(f"case {index} [{case.kind}] {case.detail}")
                print(f"  request head: {case.head()[:300]!r}")
                for answer in answers:
                    print(f"  answer {answer.status}: {answer.body[:300]!r}")
                print(f"  ended by: {event}; {elapsed * 1000:.0f} ms; outcome {label}; problems: {problems or 'none'}")
            elif (done + 1) % 1000 == 0:
                print(f"  {done + 1} cases, {len(failures)} failed, {time.monotonic() - started:.0f}s", flush=True)
            if not service.alive:
                stopped_early = f"the service died at case {index}"
                break
        if stopped_early:
            final_problems.append(stopped_early)

        # The service after the fuzz: alive, healthy, still detecting the same, no 5xx counted, nothing logged.
        if service.alive:
            status, body = service.get("/healthz")
            if status != 200:
                final_problems.append(f"/healthz answered {status} after the fuzz: {body[:100]!r}")
            after = detections(service, intact)
            if after != baseline:
                final_problems.append(f"the intact {INTACT_IMAGE} got {after} after the fuzz, {baseline} before")
            final_problems.extend(f"/metrics counts a 5xx: {line}" for line in metrics_5xx(service))
            held = time.monotonic() - idle_opened
            if held > IDLE_TIMEOUT + 10:
                if not closed_by_server(idle):
                    final_problems.append(f"a stalled upload was still open after {held:.0f}s "
                                          f"(the idle timeout is {IDLE_TIMEOUT}s)")
                idle_note = f"stalled upload closed by the server within {held:.0f}s"
            else:
                idle_note = f"idle-timeout check skipped (run shorter than {IDLE_TIMEOUT + 10}s)"
            idle.close()
        else:
            final_problems.append(f"the service process is gone (exit status {service.process.returncode})")
            idle_note = ""
    finally:
        if service is not None:
            service.stop()
        if case_log:
            case_log.close()
    wall = time.monotonic() - started
    with open(log_path) as f:
        log_lines = f.read().splitlines()
    shutil.rmtree(work, ignore_errors=True)
    request_failed = [line for line in log_lines if "request failed" in line or "unhandled error" in line]
    final_problems.extend(f"service log: {line}" for line in request_failed[:10])
    if len(request_failed) > 10:
        final_problems.append(f"... and {len(request_failed) - 10} more failed requests in the service log")
    error_lines = sum(1 for line in log_lines if " error " in line or " critical " in line)

    if args.only_case is None:
        print()
        print_tables(results, failures_by_kind)
    print()
    cases_run = sum(sum(c.values()) for c in results.values())
    print(f"seed {args.seed}: {cases_run} cases in {wall:.1f}s, {len(failures)} failed; "
          f"{error_lines} error line(s) in the service log; {idle_note}")
    for index, case, label, problems in failures[:20]:
        print(f"FAIL case {index} [{case.kind}] {case.detail}: {label}: {'; '.join(problems)}")
        print(f"     replay: python3 bench/upload_fuzz.py --binary {args.binary} --seed {args.seed} --only-case {index}")
    if len(failures) > 20:
        print(f"... and {len(failures) - 20} more failed cases")
    for problem in final_problems:
        print(f"FAIL {problem}")
    if failures or final_problems:
        print(f"upload fuzz FAILED (seed {args.seed})")
        return 1
    print(f"upload fuzz passed (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
