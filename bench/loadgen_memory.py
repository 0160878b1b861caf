#!/usr/bin/env python3
"""Memory of a long open-model run: loadgen at 5,000 req/s for 10 minutes against a static file from nginx.
Samples loadgen's resident set (VmRSS) every second and compares the value at 10 min with the one at 1 min.
Goals: RSS(10 min) <= 1.1 x RSS(1 min), and under 64 MiB.

Usage: python3 bench/loadgen_memory.py [--rate 5000] [--minutes 10]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_static import NginxStatic  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOADGEN = os.path.join(ROOT, ".build", "release", "loadgen")


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        return None
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=int, default=5000)
    parser.add_argument("--minutes", type=float, default=10)
    args = parser.parse_args()
    seconds = int(args.minutes * 60)
    with NginxStatic() as nginx, tempfile.TemporaryDirectory(prefix="bench-memory-") as workdir:
        scenario = os.path.join(workdir, "memory.yaml")
        with open(scenario, "w") as f:
            f.write(f"""name: memory-soak
description: constant {args.rate}/s for {seconds}s to watch loadgen's memory
target: {{ url: "{nginx.url.rsplit('/', 1)[0]}" }}
requests:
  - {{ name: static, method: GET, path: /index.html }}
phases:
  - {{ name: soak, duration: {seconds}s, arrival: {{ rate: {args.rate}/s }} }}
""")
        process = subprocess.Popen([LOADGEN, "run", scenario, "--quiet", "--db", os.path.join(workdir, "m.sqlite")],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        start = time.time()
        samples = {}
        while process.poll() is None and time.time() - start < seconds + 60:
            elapsed = int(time.time() - start)
            value = rss_kib(process.pid)
            if value is not None:
                samples[elapsed] = value
            time.sleep(1)
        output = process.communicate(timeout=120)[0].decode()
    at_1 = samples.get(60) or samples[min(samples, key=lambda s: abs(s - 60))]
    last = max(s for s in samples if s <= seconds)
    at_end = samples[last]
    peak = max(samples.values())
    print(output[-1500:])
    print(f"| rate | RSS at 1 min | RSS at {last / 60:.0f} min | ratio | peak |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {args.rate:,}/s | {at_1 / 1024:.1f} MiB | {at_end / 1024:.1f} MiB | {at_end / at_1:.3f} | {peak / 1024:.1f} MiB |")


if __name__ == "__main__":
    main()
