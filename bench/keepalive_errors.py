#!/usr/bin/env python3
"""Errors each generator reports against nginx when nginx, not the client, ends keep-alive connections.

nginx serves a static file with `keepalive_requests 100` (every 100th response of a connection carries
`Connection: close`), then with its default 1000, then with `keepalive_timeout 50ms` while clients pause about as
long between requests (idle closes racing the next request). loadgen (closed model, and open model), wrk and hey
run back to back against each; the table lists requests, errors and the error share per generator and config.
Goal: loadgen reports 0 errors wherever wrk and hey report 0.

Usage: python3 bench/keepalive_errors.py [--seconds 10] [--connections 32] [--loadgen .build/release/loadgen]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_static import NginxStatic  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CONFIGS = [
    ("keepalive_requests 100", {"keepalive_requests": "100"}, False),
    ("keepalive_requests 1000 (default)", {"keepalive_requests": "1000"}, False),
    ("keepalive_timeout 50ms, clients pause 50 ms", {"keepalive_timeout": "50ms"}, True),
]


def run_wrk(url, seconds, connections, pause):
    # wrk has no think time: the idle-close row is the closed-model client's business; wrk runs without pauses there.
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", url], check=True, capture_output=True,
                         text=True, timeout=seconds + 60).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return requests, errors + (int(non2xx.group(1)) if non2xx else 0)


def run_hey(url, seconds, connections, pause):
    # hey's -q limits each worker's rate: 1/pause per worker leaves each connection idle about `pause` between requests.
    command = ["hey", "-c", str(connections), "-z", f"{seconds}s", "-disable-compression"]
    if pause:
        command += ["-q", str(round(1 / pause))]
    out = subprocess.run(command + [url], check=True, capture_output=True, text=True, timeout=seconds + 60).stdout
    ok = sum(int(n) for n in re.findall(r"\[200\]\s+(\d+) responses", out))
    other = sum(int(n) for code, n in re.findall(r"\[(\d+)\]\s+(\d+) responses", out) if code != "200")
    error_block = out.split("Error distribution:")[1] if "Error distribution:" in out else ""
    errors = sum(int(n) for n in re.findall(r"\[(\d+)\]\s", error_block))
    return ok + other + errors, other + errors


def run_loadgen(loadgen, url, seconds, connections, pause, workdir, model):
    base, path = url.rsplit("/", 1)
    if model == "closed":
        think = f", think: {int(pause * 1000)}ms" if pause else ""
        load = f"users: {{ count: {connections}{think} }}"
    else:
        # About the rate the closed model reaches with pauses, or a steady 5,000/s on connections kept busy.
        rate = round(connections / pause) if pause else 5000
        load = f"arrival: {{ rate: {rate}/s }}"
    scenario = os.path.join(workdir, f"keepalive-{model}.yaml")
    with open(scenario, "w") as f:
        f.write(f"""name: keepalive-errors
target: {{ url: "{base}" }}
options: {{ max_connections: {connections} }}
requests:
  - {{ name: static, method: GET, path: /{path} }}
phases:
  - {{ name: load, duration: {seconds}s, {load} }}
""")
    summary = os.path.join(workdir, "summary.json")
    subprocess.run([loadgen, "run", scenario, "--quiet", "--db", os.path.join(workdir, "bench.sqlite"), "--json", summary],
                   capture_output=True, timeout=seconds + 120)
    with open(summary) as f:
        data = json.load(f)
    requests = [r for r in data["requests"] if r["request"] != "*"]
    return sum(r["sent"] + r["dropped"] for r in requests), sum(r["errors"] for r in requests)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--loadgen", default=os.path.join(ROOT, ".build", "release", "loadgen"))
    args = parser.parse_args()
    if not os.path.exists(args.loadgen):
        raise SystemExit(f"build loadgen first (swift build -c release --product loadgen), or pass --loadgen: {args.loadgen}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-keepalive-") as workdir:
        for title, directives, pauses in CONFIGS:
            pause = 0.05 if pauses else 0.0
            with NginxStatic(http_directives=directives) as nginx:
                for name, run in [
                    ("loadgen closed", lambda: run_loadgen(args.loadgen, nginx.url, args.seconds, args.connections, pause, workdir, "closed")),
                    ("loadgen open", lambda: run_loadgen(args.loadgen, nginx.url, args.seconds, args.connections, pause, workdir, "open")),
                    ("wrk", lambda: run_wrk(nginx.url, args.seconds, args.connections, pause)),
                    ("hey", lambda: run_hey(nginx.url, args.seconds, args.connections, pause)),
                ]:
                    requests, errors = run()
                    rows.append((title, name, requests, errors))
                    print(f"{title:45s} {name:15s} {requests:9d} requests {errors:6d} errors", flush=True)
    print()
    print(f"| nginx | generator | requests | errors | error share |")
    print("|---|---|---:|---:|---:|")
    for title, name, requests, errors in rows:
        share = errors / requests * 100 if requests else 0
        print(f"| {title} | {name} | {requests:,} | {errors} | {share:.3f} % |")


if __name__ == "__main__":
    main()
