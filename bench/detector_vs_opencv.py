#!/usr/bin/env python3
"""Side-by-side detector benchmark: OpenCV 4.x CascadeClassifier vs `targetservice detect` (release build).

For every image x cascade both detectors run in the same session, interleaved, on one thread each
(cv2.setNumThreads(1); targetservice detect is single-threaded). Each side reports the median of --repeat
in-process detections (decode and cascade loading excluded on both sides), so process start-up costs nothing.
The boxes must be identical; a mismatch fails the run.

Needs: pip install 'opencv-python-headless<5'   (5.x has no CascadeClassifier)
Usage: python3 bench/detector_vs_opencv.py [--binary .build/release/targetservice] [--repeat 7] [--markdown]
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import cv2

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
IMAGES = os.path.join(ROOT, "Tests/TargetServiceTests/Fixtures/images")
CASCADES = "/usr/share/opencv4"
DEFAULT_CASES = [
    "haarcascades/haarcascade_frontalface_default.xml",
    "haarcascades/haarcascade_frontalface_alt2.xml",
    "haarcascades/haarcascade_eye_tree_eyeglasses.xml",
    "haarcascades/haarcascade_fullbody.xml",
    "lbpcascades/lbpcascade_frontalface_improved.xml",
    "haarcascades/haarcascade_licence_plate_rus_16stages.xml",
]
DEFAULT_IMAGES = ["grace_hopper.jpg", "astronaut.jpg", "coffee.jpg", "chelsea.jpg", "camera.jpg"]


def opencv_run(cascade_path, image_path, repeat, scale_factor, min_neighbors):
    classifier = cv2.CascadeClassifier(cascade_path)
    gray = cv2.imread(image_path, cv2.IMREAD_GRAYSCALE)
    times = []
    boxes = []
    for _ in range(repeat):
        start = time.perf_counter()
        found = classifier.detectMultiScale(gray, scaleFactor=scale_factor, minNeighbors=min_neighbors)
        times.append((time.perf_counter() - start) * 1000)
        boxes = sorted([list(map(int, b)) for b in found])
    return statistics.median(times), boxes


def ours_run(binary, cascade_path, image_path, repeat, scale_factor, min_neighbors):
    out = subprocess.run(
        [binary, "detect", "--cascade", cascade_path, "--scale-factor", str(scale_factor),
         "--min-neighbors", str(min_neighbors), "--repeat", str(repeat), "--json", image_path],
        check=True, capture_output=True, text=True).stdout
    result = json.loads(out)[0]
    return result["timing"]["detect_ms_median"], sorted(result["boxes"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/targetservice"))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--scale-factor", type=float, default=1.1)
    parser.add_argument("--min-neighbors", type=int, default=3)
    parser.add_argument("--cascade", action="append", help="relative to /usr/share/opencv4; repeatable")
    parser.add_argument("--image", action="append", help="fixture image name; repeatable")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: build it first with `swift build -c release` (or `make bench`)")
    cv2.setNumThreads(1)
    cascades = args.cascade or DEFAULT_CASES
    images = args.image or DEFAULT_IMAGES

    print(f"OpenCV {cv2.__version__} (cv2.setNumThreads(1)) vs targetservice detect (release); "
          f"scaleFactor {args.scale_factor}, minNeighbors {args.min_neighbors}, median of {args.repeat}; "
          f"{platform.node()} {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}")
    print()
    print("| cascade | image | OpenCV ms | ours ms | ours/OpenCV | boxes |")
    print("|---|---|---:|---:|---:|---|")
    ratios = []
    mismatches = 0
    for cascade in cascades:
        cascade_path = os.path.join(CASCADES, cascade)
        for index, image in enumerate(images):
            image_path = os.path.join(IMAGES, image)
            # Alternate which side goes first so neither always runs on a warmer cache.
            if index % 2 == 0:
                cv_ms, cv_boxes = opencv_run(cascade_path, image_path, args.repeat, args.scale_factor, args.min_neighbors)
                our_ms, our_boxes = ours_run(args.binary, cascade_path, image_path, args.repeat, args.scale_factor, args.min_neighbors)
            else:
                our_ms, our_boxes = ours_run(args.binary, cascade_path, image_path, args.repeat, args.scale_factor, args.min_neighbors)
                cv_ms, cv_boxes = opencv_run(cascade_path, image_path, args.repeat, args.scale_factor, args.min_neighbors)
            ratio = our_ms / cv_ms
            ratios.append(ratio)
            same = our_boxes == cv_boxes
            mismatches += 0 if same else 1
            verdict = f"{len(our_boxes)} identical" if same else f"MISMATCH ours={our_boxes} opencv={cv_boxes}"
            print(f"| {os.path.basename(cascade)} | {image} | {cv_ms:.1f} | {our_ms:.1f} | {ratio:.2f} | {verdict} |", flush=True)
    print()
    print(f"median ratio ours/OpenCV: {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f}) "
          f"over {len(ratios)} image x cascade pairs; box mismatches: {mismatches}")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
