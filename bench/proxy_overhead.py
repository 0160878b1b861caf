#!/usr/bin/env python3
"""What the fault proxy costs with no toxics: the same fixed-rate load (hey -q, 10,000 req/s by default) against a
static nginx file, directly and through `loadgen proxy`, rounds interleaved. Reports the added p50/p99 latency
(under that load, and for one request at a time on one keep-alive connection) and the proxy's CPU time per request (user + system from /proc/PID/stat, over the timed run only).

The release binary is built only with --build (`swift build -c release --product loadgen`); build when no other
build is running, since the numbers are only meaningful on an otherwise idle machine.

Usage: python3 bench/proxy_overhead.py [--build] [--rate 10000] [--seconds 10] [--connections 50] [--rounds 3]
                                        [--upstream nginx|targetservice]
"""
import argparse
import os
import re
import select
import shutil
import socket
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_static import NginxStatic, free_port  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, ".build", "release")
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU seconds of a running process, from /proc/PID/stat (fields 14 and 15)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def wait_for_line(process, pattern, timeout):
    """Reads the process's stdout until a line matches `pattern`; returns the match or exits with what it printed."""
    deadline = time.time() + timeout
    seen = []
    while time.time() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.2)
        if ready:
            line = process.stdout.readline().decode()
            if not line:
                break
            seen.append(line)
            match = re.search(pattern, line)
            if match:
                return match
    process.kill()
    raise SystemExit(f"no line matching {pattern!r} within {timeout} s; output: {''.join(seen)}")


class Proxy:
    """`loadgen proxy` with one proxy in front of `upstream` (host:port); stops it with SIGTERM."""

    def __init__(self, upstream):
        self.port = free_port()
        self.process = subprocess.Popen(
            [os.path.join(RELEASE, "loadgen"), "proxy", "--api", "127.0.0.1:0", "--name", "bench",
             "--listen", f"127.0.0.1:{self.port}", "--upstream", upstream],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wait_for_line(self.process, r"control API listening on", 30)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class TargetService:
    """The bundled `targetservice serve` (answers /healthz) on a free loopback port."""

    def __init__(self):
        self.process = subprocess.Popen(
            [os.path.join(RELEASE, "targetservice"), "serve", "--host", "127.0.0.1", "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        match = wait_for_line(self.process, r"http://127\.0\.0\.1:(\d+)", 30)
        self.port = int(match.group(1))
        self.url = f"http://127.0.0.1:{self.port}/healthz"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def run_hey(url, rate, seconds, connections):
    """hey at a fixed total rate (-q is per connection); returns p50, p99 (ms), responses and the raw output."""
    per_connection = max(1, rate // connections)
    out = subprocess.run(
        ["hey", "-z", f"{seconds}s", "-c", str(connections), "-q", str(per_connection), "-disable-compression", url],
        capture_output=True, text=True, check=True).stdout
    if re.search(r"\[(?!200\])\d+\]\s+\d+ responses", out) or "Error distribution" in out:
        raise SystemExit(f"hey saw errors or non-200 responses:\n{out}")
    p50 = float(re.search(r"50% in ([\d.]+) secs", out).group(1)) * 1000
    p99 = float(re.search(r"99% in ([\d.]+) secs", out).group(1)) * 1000
    responses = sum(int(n) for n in re.findall(r"\[\d+\]\s+(\d+) responses", out))
    return p50, p99, responses


def sequential_rtt(port, path, count=2000):
    """Median and p99 (µs) of one keep-alive connection sending requests one after another: the added latency of
    the proxy itself, without the queueing a loaded 2-core machine adds."""
    request = f"GET /{path} HTTP/1.1\r\nHost: bench\r\n\r\n".encode()
    times = []
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for _ in range(count):
            started = time.perf_counter()
            s.sendall(request)
            answer = b""
            while b"\r\n\r\n" not in answer or len(answer) < answer.index(b"\r\n\r\n") + 4 + content_length(answer):
                chunk = s.recv(65536)
                if not chunk:
                    raise SystemExit("the upstream closed the connection during the sequential test")
                answer += chunk
            times.append((time.perf_counter() - started) * 1e6)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99)]


def content_length(answer):
    match = re.search(rb"(?i)content-length: *(\d+)", answer)
    return int(match.group(1)) if match else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", action="store_true", help="build loadgen (and targetservice) in release first")
    parser.add_argument("--rate", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--upstream", choices=["nginx", "targetservice"], default="nginx")
    args = parser.parse_args()
    if shutil.which("hey") is None:
        raise SystemExit("hey is not installed: run `make bench-setup`")
    if args.build:
        products = ["loadgen"] + (["targetservice"] if args.upstream == "targetservice" else [])
        for product in products:
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    if not os.path.exists(os.path.join(RELEASE, "loadgen")):
        raise SystemExit("no release loadgen: run with --build")

    upstream = NginxStatic() if args.upstream == "nginx" else TargetService()
    path = upstream.url.split("/", 3)[3]
    direct, proxied, cpu_per_request, rtt_direct, rtt_proxy = [], [], [], [], []
    try:
        proxy = Proxy(f"127.0.0.1:{upstream.port}")
        try:
            for _ in range(args.rounds):
                rtt_direct.append(sequential_rtt(upstream.port, path))
                rtt_proxy.append(sequential_rtt(proxy.port, path))
                direct.append(run_hey(upstream.url, args.rate, args.seconds, args.connections))
                before = cpu_seconds(proxy.process.pid)
                result = run_hey(f"http://127.0.0.1:{proxy.port}/{path}", args.rate, args.seconds, args.connections)
                cpu_per_request.append((cpu_seconds(proxy.process.pid) - before) / result[2])
                proxied.append(result)
        finally:
            proxy.stop()
    finally:
        upstream.stop()

    def median(rows, index):
        return statistics.median(row[index] for row in rows)

    print(f"upstream {args.upstream}, hey -c {args.connections} at {args.rate} req/s for {args.seconds} s, "
          f"{args.rounds} rounds interleaved (medians)")
    print(f"{'':10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for name, rows in (("direct", direct), ("proxy", proxied)):
        print(f"{name:10} {median(rows, 2) / args.seconds:8.0f} {median(rows, 0):8.3f} {median(rows, 1):8.3f}")
    print(f"one request at a time: direct p50 {median(rtt_direct, 0):.0f} us p99 {median(rtt_direct, 1):.0f} us, "
          f"proxy p50 {median(rtt_proxy, 0):.0f} us p99 {median(rtt_proxy, 1):.0f} us")
    print(f"added p50 {median(proxied, 0) - median(direct, 0):+.3f} ms, "
          f"added p99 {median(proxied, 1) - median(direct, 1):+.3f} ms, "
          f"proxy CPU {statistics.median(cpu_per_request) * 1e6:.1f} us/request")


if __name__ == "__main__":
    main()
