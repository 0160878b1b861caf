"""The seed's detection stack, as a peer for bench/service_vs_flask.py: Flask + OpenCV under gunicorn sync workers.

POST /v1/detect takes a raw JPEG body and answers {"detections": [{"box": [x, y, w, h]}, ...]}, like
targetservice's default `face` model: haarcascade_frontalface_default.xml, scaleFactor 1.1, minNeighbors 3, no
minimum size. GET /healthz answers {"status": "alive"}. OpenCV runs on one thread (cv2.setNumThreads(1)), and each
gunicorn worker loads the cascade once, at import.

Run: .build/bench-flask/bin/gunicorn -w 2 -b 127.0.0.1:PORT --chdir bench flask_detect_app:app
"""
import os

import cv2
import numpy as np
from flask import Flask, jsonify, request

cv2.setNumThreads(1)

CASCADE = os.environ.get("FLASK_DETECT_CASCADE",
                         "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml")
classifier = cv2.CascadeClassifier(CASCADE)
if classifier.empty():
    raise SystemExit(f"cannot load cascade {CASCADE}")

app = Flask(__name__)


@app.post("/v1/detect")
def detect():
    image = cv2.imdecode(np.frombuffer(request.get_data(), dtype=np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        return jsonify(error={"code": "corrupt_image", "message": "cv2.imdecode could not decode the body"}), 400
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    found = classifier.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=3)
    return jsonify(detections=[{"box": [int(v) for v in box]} for box in found])


@app.get("/healthz")
def healthz():
    return jsonify(status="alive")
