#!/usr/bin/env python3
"""Generate cascade-detection test fixtures and golden outputs from real OpenCV.

NOT run by CI.  It produces the reference ("golden") results that the Swift
re-implementation of OpenCV 4.x ``CascadeClassifier::detectMultiScale`` must
reproduce bit-exactly (the algorithm is described in Sources/TargetService/Cascade/).

Requirements
------------
    pip install 'opencv-python-headless<5'     # 5.x has no cv2.CascadeClassifier
    pip install numpy                          # normally pulled in by opencv
    # Debian packages providing the inputs:
    apt-get install opencv-data python3-skimage python-matplotlib-data

Cascades are read from /usr/share/opencv4/{haarcascades,lbpcascades}
(Debian ``opencv-data``); their paths are recorded relative to that directory.

Usage
-----
    # (re)create the fixture images (photos + seeded synthetic PGMs), then goldens:
    python3 scripts/generate_goldens.py --make-fixtures
    # only recompute goldens from the committed fixtures (the normal case):
    python3 scripts/generate_goldens.py
    # options: --cascade-root DIR  --skimage-data DIR  --mpl-sample-data DIR
    #          --out FILE  --quiet

Notes
-----
* Images are loaded with ``cv2.imread(path, cv2.IMREAD_GRAYSCALE)``: for JPEGs
  that is libjpeg's Y plane (the Swift side decodes with JCS_GRAYSCALE), for
  PGMs the raw bytes.
* ``cv2.setNumThreads(1)``; detections are sorted by (x, y, w, h, neighbors),
  because OpenCV's output order is not part of the contract.
* ``detectMultiScale2`` gives boxes and ``numDetections``: the group size for
  minNeighbors > 0, and 1 for every raw candidate when minNeighbors == 0.
* Re-encoding the photos with a different OpenCV/libjpeg build may give
  different JPEG bytes; the goldens always refer to the committed files, so
  after ``--make-fixtures`` the goldens must be regenerated (this script does
  both in one run).  The synthetic PGMs depend only on numpy's PCG64 stream,
  cv2.resize/warpAffine/GaussianBlur and the gray photos.
"""

import argparse
import json
import os
import shutil
import sys

import numpy as np
import cv2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "TargetServiceTests", "Fixtures")
IMAGES_DIR = os.path.join(FIXTURES, "images")
SYNTH_DIR = os.path.join(FIXTURES, "synthetic")
GOLDEN_FILE = os.path.join(FIXTURES, "goldens", "detections.json")

DEFAULT_CASCADE_ROOT = "/usr/share/opencv4"
DEFAULT_SKIMAGE_DATA = "/usr/lib/python3/dist-packages/skimage/data"
DEFAULT_MPL_SAMPLE = "/usr/share/matplotlib/mpl-data/sample_data"

JPEG_QUALITY = 95

# ---------------------------------------------------------------------------
# Cascades
# ---------------------------------------------------------------------------
C_DEFAULT = "haarcascades/haarcascade_frontalface_default.xml"
C_ALT2 = "haarcascades/haarcascade_frontalface_alt2.xml"
C_EYEGLASSES = "haarcascades/haarcascade_eye_tree_eyeglasses.xml"
C_FULLBODY = "haarcascades/haarcascade_fullbody.xml"
C_CATFACE_EXT = "haarcascades/haarcascade_frontalcatface_extended.xml"
C_LBP = "lbpcascades/lbpcascade_frontalface.xml"
C_LBP_IMPROVED = "lbpcascades/lbpcascade_frontalface_improved.xml"
C_PLATE_OLD = "haarcascades/haarcascade_licence_plate_rus_16stages.xml"

PHOTO_CASCADES = [C_DEFAULT, C_ALT2, C_EYEGLASSES, C_FULLBODY, C_CATFACE_EXT,
                  C_LBP, C_LBP_IMPROVED, C_PLATE_OLD]

# ---------------------------------------------------------------------------
# Photos: (fixture name, source kind, source relative path, how)
# ---------------------------------------------------------------------------
PHOTOS = [
    # name,                       source, path,               mode
    ("grace_hopper.jpg",          "mpl", "grace_hopper.jpg", "copy"),
    ("astronaut.jpg",             "skimage", "astronaut.png", "color"),
    ("astronaut_progressive.jpg", "skimage", "astronaut.png", "color_progressive"),
    ("chelsea.jpg",               "skimage", "chelsea.png", "color"),
    ("coffee.jpg",                "skimage", "coffee.png", "color"),
    ("camera.jpg",                "skimage", "camera.png", "gray"),
]


def make_photos(args):
    os.makedirs(IMAGES_DIR, exist_ok=True)
    for name, kind, rel, mode in PHOTOS:
        src = os.path.join(args.mpl_sample_data if kind == "mpl" else args.skimage_data, rel)
        dst = os.path.join(IMAGES_DIR, name)
        if mode == "copy":
            shutil.copyfile(src, dst)
        else:
            flag = cv2.IMREAD_GRAYSCALE if mode == "gray" else cv2.IMREAD_COLOR
            img = cv2.imread(src, flag)
            if img is None:
                sys.exit("cannot read %s" % src)
            params = [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY]
            if mode.endswith("progressive"):
                params += [cv2.IMWRITE_JPEG_PROGRESSIVE, 1]
            if not cv2.imwrite(dst, img, params):
                sys.exit("cannot write %s" % dst)
        log(args, "photo %-28s %7d bytes" % (name, os.path.getsize(dst)))


# ---------------------------------------------------------------------------
# Synthetic images
# ---------------------------------------------------------------------------
# Face crops (x, y, w, h) in the gray fixture photos, around the boxes OpenCV
# finds there (astronaut [177,66,94,94], Grace Hopper [155,104,224,224]).
FACE_SOURCES = [
    ("astronaut.jpg", (165, 52, 118, 118)),
    ("grace_hopper.jpg", (140, 88, 254, 254)),
]
# The camera man's body (for haarcascade_fullbody).
BODY_SOURCE = ("camera.jpg", (0, 50, 345, 462))
# Texture sources for photo-patch backgrounds.
TEXTURE_SOURCES = ["chelsea.jpg", "coffee.jpg", "camera.jpg"]

BASE_SEED = 20250101

# (name, width, height, kind, extra) -- kind drives generate_synthetic().
SYNTHETIC_SPECS = [
    # -- random block grids / noise (variance rejections, edge cases)
    ("blocks_a", 160, 120, "blocks", {}),
    ("blocks_b", 243, 177, "blocks", {}),
    ("blocks_c", 320, 240, "blocks", {"cell": (3, 9)}),
    ("noise_uniform", 200, 150, "noise", {"sigma": None}),
    ("noise_lowcontrast", 180, 135, "noise", {"sigma": 3.0}),   # sigma < 10: all Haar windows rejected
    ("flat_gray", 150, 110, "flat", {}),                         # nf == 0 everywhere
    ("blocks_flat_mix", 211, 163, "blocks_flat", {}),            # flat and textured regions
    ("sines", 256, 192, "sines", {}),
    # -- odd sizes
    ("tiny_19x19", 19, 19, "face_fill", {}),                      # smaller than every window -> nothing
    ("small_23x23", 23, 23, "face_fill", {}),                     # < 24x24 but >= 20x20 (alt2 window)
    ("exact_24x24", 24, 24, "face_fill", {}),                     # exactly the default window
    ("just_25x26", 25, 26, "face_fill", {}),
    ("just_31x29", 31, 29, "face_fill", {}),
    ("odd_121x91", 121, 91, "faces", {"n": 1}),
    ("odd_127x97", 127, 97, "faces", {"n": 2}),
    ("odd_317x239", 317, 239, "faces", {"n": 3}),
    # -- face composites on textured backgrounds
    ("faces_00", 320, 240, "faces", {"n": 1}),
    ("faces_01", 320, 240, "faces", {"n": 2}),
    ("faces_02", 300, 220, "faces", {"n": 3}),
    ("faces_03", 280, 210, "faces", {"n": 1, "big": True}),
    ("faces_04", 260, 200, "faces", {"n": 2}),
    ("faces_05", 240, 180, "faces", {"n": 1}),
    ("faces_06", 224, 168, "faces", {"n": 2}),
    ("faces_07", 200, 150, "faces", {"n": 1, "big": True}),
    ("faces_08", 320, 200, "faces", {"n": 4}),
    ("faces_09", 180, 240, "faces", {"n": 2}),
    ("faces_10", 160, 120, "faces", {"n": 1}),
    ("faces_11", 320, 240, "faces", {"n": 2, "rotate": True}),
    ("faces_12", 288, 216, "faces", {"n": 3, "rotate": True}),
    ("faces_13", 250, 190, "faces", {"n": 2, "cluster": True}),  # overlapping faces -> nested groups
    ("faces_14", 310, 230, "faces", {"n": 3, "cluster": True}),
    ("faces_15", 140, 105, "faces", {"n": 1, "lowcontrast": True}),
    # -- bodies (for fullbody)
    ("bodies_00", 320, 240, "bodies", {"n": 2}),
    ("bodies_01", 240, 200, "bodies", {"n": 1}),
]

# Synthetic images on which eye_tree_eyeglasses and fullbody (mn 0) are also run.
EXTRA_SYNTH = {"faces_03", "faces_07", "faces_00", "faces_11", "faces_13", "odd_317x239",
               "blocks_c", "noise_uniform", "bodies_00", "bodies_01", "just_31x29"}


def write_pgm(path, img):
    assert img.dtype == np.uint8 and img.ndim == 2
    h, w = img.shape
    with open(path, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (w, h))
        f.write(np.ascontiguousarray(img).tobytes())


def load_gray(path):
    img = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if img is None:
        sys.exit("cannot read %s" % path)
    return img


def bg_blocks(rng, w, h, cell=(4, 24)):
    out = np.empty((h, w), np.float64)
    cw = int(rng.integers(cell[0], cell[1] + 1))
    ch = int(rng.integers(cell[0], cell[1] + 1))
    gh, gw = (h + ch - 1) // ch, (w + cw - 1) // cw
    grid = rng.integers(0, 256, size=(gh, gw)).astype(np.float64)
    out[:, :] = np.repeat(np.repeat(grid, ch, axis=0), cw, axis=1)[:h, :w]
    return out


def bg_sines(rng, w, h):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    out = np.full((h, w), 128.0)
    for _ in range(int(rng.integers(2, 6))):
        fx, fy = rng.uniform(-0.25, 0.25, size=2)
        ph = rng.uniform(0, 2 * np.pi)
        amp = rng.uniform(10, 45)
        out += amp * np.sin(2 * np.pi * (fx * xx + fy * yy) / 4 + ph)
    return out


def bg_smooth_noise(rng, w, h):
    sw, sh = max(2, w // int(rng.integers(6, 24))), max(2, h // int(rng.integers(6, 24)))
    small = rng.integers(0, 256, size=(sh, sw)).astype(np.uint8)
    big = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC).astype(np.float64)
    return big


def bg_photo_patch(rng, w, h, textures):
    tex = textures[int(rng.integers(0, len(textures)))]
    th, tw = tex.shape
    scale = rng.uniform(0.5, 1.5)
    cw, ch = min(tw, int(w / scale)), min(th, int(h / scale))
    x = int(rng.integers(0, tw - cw + 1))
    y = int(rng.integers(0, th - ch + 1))
    patch = tex[y:y + ch, x:x + cw]
    return cv2.resize(patch, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float64)


def random_background(rng, w, h, textures):
    kind = int(rng.integers(0, 5))
    if kind == 0:
        return bg_blocks(rng, w, h)
    if kind == 1:
        return bg_sines(rng, w, h)
    if kind == 2:
        return bg_smooth_noise(rng, w, h)
    if kind == 3:
        return bg_photo_patch(rng, w, h, textures)
    # gradient + blocks mix
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    a, b = rng.uniform(-0.6, 0.6, size=2)
    return 0.5 * bg_blocks(rng, w, h, (8, 40)) + 64 + a * xx + b * yy


def prepare_patch(rng, src, side_w, side_h, rotate=False, contrast=(0.75, 1.2)):
    patch = src
    if rng.random() < 0.4:
        patch = patch[:, ::-1]
    patch = np.ascontiguousarray(patch)
    if rotate:
        ang = rng.uniform(-12, 12)
        ph, pw = patch.shape
        m = cv2.getRotationMatrix2D((pw / 2.0, ph / 2.0), ang, 1.0)
        patch = cv2.warpAffine(patch, m, (pw, ph), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REFLECT)
    interp = cv2.INTER_AREA if side_w < patch.shape[1] else cv2.INTER_LINEAR
    patch = cv2.resize(patch, (side_w, side_h), interpolation=interp).astype(np.float64)
    a = rng.uniform(*contrast)
    b = rng.uniform(-25, 25)
    return (patch - 128.0) * a + 128.0 + b


def paste(rng, canvas, patch, x, y):
    ph, pw = patch.shape
    h, w = canvas.shape
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(w, x + pw), min(h, y + ph)
    if x1 <= x0 or y1 <= y0:
        return
    sub = patch[y0 - y:y1 - y, x0 - x:x1 - x]
    if rng.random() < 0.5:
        # feathered elliptical mask
        yy, xx = np.mgrid[0:ph, 0:pw].astype(np.float64)
        d = ((xx - (pw - 1) / 2) / (pw / 2)) ** 2 + ((yy - (ph - 1) / 2) / (ph / 2)) ** 2
        alpha = np.clip((1.15 - d) / 0.3, 0.0, 1.0)[y0 - y:y1 - y, x0 - x:x1 - x]
        canvas[y0:y1, x0:x1] = alpha * sub + (1 - alpha) * canvas[y0:y1, x0:x1]
    else:
        canvas[y0:y1, x0:x1] = sub


def finish(rng, canvas, sigma=None):
    if sigma is None:
        sigma = rng.uniform(0.0, 8.0)
    if sigma > 0:
        canvas = canvas + rng.normal(0.0, sigma, size=canvas.shape)
    return np.clip(np.rint(canvas), 0, 255).astype(np.uint8)


def generate_synthetic(idx, name, w, h, kind, extra, faces, body, textures):
    rng = np.random.default_rng(BASE_SEED + idx)
    if kind == "blocks":
        img = finish(rng, bg_blocks(rng, w, h, extra.get("cell", (4, 24))), sigma=rng.uniform(0, 20))
    elif kind == "noise":
        if extra["sigma"] is None:
            img = rng.integers(0, 256, size=(h, w)).astype(np.uint8)
        else:
            img = finish(rng, np.full((h, w), 120.0), sigma=extra["sigma"])
    elif kind == "flat":
        img = np.full((h, w), 137, np.uint8)
    elif kind == "blocks_flat":
        c = bg_blocks(rng, w, h, (6, 30))
        c[:, : w // 2] = 90.0
        c[h // 2:, w // 2: 3 * w // 4] = 200.0
        img = finish(rng, c, sigma=0.0)
    elif kind == "sines":
        img = finish(rng, bg_sines(rng, w, h), sigma=2.0)
    elif kind == "face_fill":
        canvas = random_background(rng, w, h, textures)
        src = faces[int(rng.integers(0, len(faces)))]
        side = min(w, h)
        patch = prepare_patch(rng, src, side, side)
        paste(rng, canvas, patch, (w - side) // 2, (h - side) // 2)
        img = finish(rng, canvas, sigma=rng.uniform(0, 3))
    elif kind in ("faces", "bodies"):
        canvas = random_background(rng, w, h, textures)
        n = extra.get("n", 1)
        cx = cy = None
        for k in range(n):
            if kind == "bodies":
                bh = int(rng.integers(50, int(h * 0.9)))
                bw = int(round(body.shape[1] * bh / body.shape[0]))
                patch = prepare_patch(rng, body, bw, bh, contrast=(0.9, 1.1))
                x = int(rng.integers(-bw // 6, max(1, w - bw + bw // 6)))
                y = int(rng.integers(0, max(1, h - bh + 1)))
                paste(rng, canvas, patch, x, y)
                continue
            src = faces[int(rng.integers(0, len(faces)))]
            lo = 26
            hi = int(min(w, h) * (0.95 if extra.get("big") else 0.6))
            side = int(rng.integers(lo, max(lo + 1, hi)))
            patch = prepare_patch(rng, src, side, side, rotate=extra.get("rotate", False) and rng.random() < 0.7,
                                  contrast=(0.35, 0.5) if extra.get("lowcontrast") else (0.75, 1.2))
            if extra.get("cluster") and cx is not None:
                x = int(cx + rng.integers(-side // 2, side // 2 + 1))
                y = int(cy + rng.integers(-side // 2, side // 2 + 1))
            else:
                x = int(rng.integers(-side // 8, max(1, w - side + side // 8)))
                y = int(rng.integers(-side // 8, max(1, h - side + side // 8)))
            if cx is None:
                cx, cy = x, y
            paste(rng, canvas, patch, x, y)
        img = finish(rng, canvas)
    else:
        raise ValueError(kind)
    assert img.shape == (h, w), (name, img.shape)
    return img


def make_synthetic(args):
    os.makedirs(SYNTH_DIR, exist_ok=True)
    for f in os.listdir(SYNTH_DIR):
        if f.endswith(".pgm"):
            os.remove(os.path.join(SYNTH_DIR, f))
    faces = []
    for fname, (x, y, w, h) in FACE_SOURCES:
        g = load_gray(os.path.join(IMAGES_DIR, fname))
        faces.append(g[y:y + h, x:x + w].copy())
    fname, (x, y, w, h) = BODY_SOURCE
    body = load_gray(os.path.join(IMAGES_DIR, fname))[y:y + h, x:x + w].copy()
    textures = [load_gray(os.path.join(IMAGES_DIR, t)) for t in TEXTURE_SOURCES]
    total = 0
    for idx, (name, w, h, kind, extra) in enumerate(SYNTHETIC_SPECS):
        img = generate_synthetic(idx, name, w, h, kind, extra, faces, body, textures)
        path = os.path.join(SYNTH_DIR, name + ".pgm")
        write_pgm(path, img)
        total += os.path.getsize(path)
        log(args, "synthetic %-20s %3dx%-3d seed %d" % (name, w, h, BASE_SEED + idx))
    log(args, "synthetic total %d bytes" % total)


# ---------------------------------------------------------------------------
# Cases and goldens
# ---------------------------------------------------------------------------
def case(image, cascade, mn, sf=1.1, min_size=(0, 0), max_size=(0, 0)):
    return {"image": image, "cascade": cascade, "scale_factor": sf, "min_neighbors": mn,
            "min_size": list(min_size), "max_size": list(max_size)}


def build_cases():
    cases = []
    photos = [name for name, _, _, _ in PHOTOS]
    for p in photos:
        for c in PHOTO_CASCADES:
            for mn in (0, 3, 5):
                cases.append(case("images/" + p, c, mn))
    # parameter variations on two photos
    variations = [
        dict(sf=1.05),
        dict(sf=1.3),
        dict(sf=1.2, min_size=(40, 40)),
        dict(sf=1.1, max_size=(120, 120)),
        dict(sf=1.1, min_size=(30, 60), max_size=(200, 150)),
        dict(sf=1.1, min_size=(300, 300)),      # larger than every candidate
        dict(sf=1.1, min_size=(1000, 1000)),    # larger than the image
        dict(sf=1.1, max_size=(23, 23)),        # smaller than the 24x24 window
    ]
    for p in ("images/astronaut.jpg", "images/grace_hopper.jpg"):
        for v in variations:
            for c in (C_DEFAULT, C_LBP):
                for mn in (0, 3):
                    cases.append(case(p, c, mn, **v))
    # synthetic
    for name, _, _, _, _ in SYNTHETIC_SPECS:
        img = "synthetic/%s.pgm" % name
        for c in (C_DEFAULT, C_ALT2, C_LBP):
            for mn in (0, 3, 5):
                cases.append(case(img, c, mn))
        if name in EXTRA_SYNTH:
            for c in (C_EYEGLASSES, C_FULLBODY):
                cases.append(case(img, c, 0))
    return cases


def run_case(cascade, gray, c):
    boxes, nums = cascade.detectMultiScale2(gray, c["scale_factor"], c["min_neighbors"], 0,
                                            tuple(c["min_size"]), tuple(c["max_size"]))
    boxes = np.asarray(boxes, dtype=np.int64).reshape(-1, 4)
    nums = np.asarray(nums, dtype=np.int64).reshape(-1)
    assert len(boxes) == len(nums)
    dets = sorted((tuple(int(v) for v in b), int(n)) for b, n in zip(boxes, nums))
    return [{"box": list(b), "neighbors": n} for b, n in dets]


def make_goldens(args):
    cv2.setNumThreads(1)
    cases = build_cases()
    classifiers, images = {}, {}
    for c in cases:
        if c["cascade"] not in classifiers:
            path = os.path.join(args.cascade_root, c["cascade"])
            cc = cv2.CascadeClassifier(path)
            if cc.empty():
                sys.exit("cannot load cascade %s" % path)
            classifiers[c["cascade"]] = cc
        if c["image"] not in images:
            images[c["image"]] = load_gray(os.path.join(FIXTURES, c["image"]))
        c["detections"] = run_case(classifiers[c["cascade"]], images[c["image"]], c)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write('{"opencv_version": %s, "gray": "IMREAD_GRAYSCALE",\n "cases": [\n'
                % json.dumps(cv2.__version__))
        f.write(",\n".join("  " + json.dumps(c, separators=(", ", ": ")) for c in cases))
        f.write("\n ]}\n")
    summarize(args, cases)


def summarize(args, cases):
    print("wrote %s (%d bytes, %d cases)" % (args.out, os.path.getsize(args.out), len(cases)))

    def group(c):
        return "photo" if c["image"].startswith("images/") else "synthetic"

    stats = {}
    for c in cases:
        key = (group(c), c["min_neighbors"])
        s = stats.setdefault(key, [0, 0, 0])
        s[0] += 1
        s[1] += 1 if c["detections"] else 0
        s[2] += len(c["detections"])
    print("%-10s %3s %6s %9s %11s" % ("set", "mn", "cases", "nonempty", "detections"))
    for (g, mn), (n, ne, nd) in sorted(stats.items()):
        print("%-10s %3d %6d %9d %11d" % (g, mn, n, ne, nd))
    if not args.quiet:
        print("per synthetic image (raw candidates default/alt2/lbp; groups at mn=3):")
        by = {}
        for c in cases:
            if group(c) != "synthetic" or c["cascade"] not in (C_DEFAULT, C_ALT2, C_LBP):
                continue
            by.setdefault(c["image"], {})[(c["cascade"], c["min_neighbors"])] = len(c["detections"])
        for img, d in by.items():
            print("  %-34s raw %3d %3d %3d   mn3 %d %d %d" % (
                img, d[(C_DEFAULT, 0)], d[(C_ALT2, 0)], d[(C_LBP, 0)],
                d[(C_DEFAULT, 3)], d[(C_ALT2, 3)], d[(C_LBP, 3)]))


def log(args, msg):
    if not args.quiet:
        print(msg)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--make-fixtures", action="store_true",
                    help="(re)create Fixtures/images and Fixtures/synthetic before the goldens")
    ap.add_argument("--cascade-root", default=DEFAULT_CASCADE_ROOT)
    ap.add_argument("--skimage-data", default=DEFAULT_SKIMAGE_DATA)
    ap.add_argument("--mpl-sample-data", default=DEFAULT_MPL_SAMPLE)
    ap.add_argument("--out", default=GOLDEN_FILE)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if int(cv2.__version__.split(".")[0]) != 4:
        sys.exit("need OpenCV 4.x (pip install 'opencv-python-headless<5'), got %s" % cv2.__version__)
    if args.make_fixtures:
        make_photos(args)
        make_synthetic(args)
    make_goldens(args)


if __name__ == "__main__":
    main()
