#!/usr/bin/env python3
"""False-alarm rate and power of `loadgen gate` on the bundled service (release build).

Runs scenarios/baseline.yaml N+1 times against one `targetservice serve` (each run shortened with --duration-scale
to ~30 s), gates every consecutive pair (same build: each should PASS), then runs once more through a delaying proxy
and gates that run against the first (30 % slower: it should FAIL). Prints the false alarms over the N pairs and the
slowed run's verdict.

How the service is slowed: targetservice has no option to add latency, so the slowed run goes through a small
asyncio TCP proxy in this script that forwards every chunk from loadgen to the service a fixed delay after it arrived
(order kept, no chunk waits for another's delay). The delay is 30 % of the first run's median latency of its steady
phase, so the slowed run's median is ~1.3x the baseline's.

baseline.yaml sends 4 requests/s, and the gate judges a percentile only with >= 10 responses beyond it in both
runs: at the default scale (steady ~27 s, ~108 responses) p50 and p90 are judged, p95/p99 show `insufficient data`.

Usage: swift build -c release && python3 bench/gate_false_alarm.py [--pairs 10] [--scale 0.45] [--margin 10%]
"""
import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO = os.path.join(ROOT, "scenarios/baseline.yaml")


def start_service(binary, data):
    process = subprocess.Popen(
        [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--data", data],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = process.stdout.readline().strip()
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.2)
    process.terminate()
    sys.exit(f"targetservice at {url} was not ready within 60 s")


def start_delay_proxy(upstream_port, delay):
    """A TCP proxy on 127.0.0.1 that forwards client bytes `delay` seconds after they arrived; returns its port."""
    ready = threading.Event()
    port = {}

    async def forward(reader, writer, delay):
        queue = asyncio.Queue()

        async def pump_out():
            while True:
                due, data = await queue.get()
                if data is None:
                    break
                await asyncio.sleep(max(0, due - asyncio.get_running_loop().time()))
                writer.write(data)
                await writer.drain()
            writer.close()

        sender = asyncio.create_task(pump_out())
        try:
            while data := await reader.read(65536):
                await queue.put((asyncio.get_running_loop().time() + delay, data))
        finally:
            await queue.put((0, None))
            await sender

    async def handle(client_reader, client_writer):
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
        await asyncio.gather(
            forward(client_reader, server_writer, delay), forward(server_reader, client_writer, 0),
            return_exceptions=True)

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        port["value"] = server.sockets[0].getsockname()[1]
        ready.set()
        await server.serve_forever()

    threading.Thread(target=lambda: asyncio.run(main()), daemon=True).start()
    ready.wait(10)
    return port["value"]


def loadgen(args, *extra):
    return subprocess.run([args.loadgen, *extra], capture_output=True, text=True)


def run_once(args, target, database, summary):
    result = loadgen(args, "run", SCENARIO, "--target", target, "--db", database, "--duration-scale", str(args.scale),
                     "--quiet", "--json", summary)
    if result.returncode not in (0, 1):
        sys.exit(f"loadgen run failed ({result.returncode}):\n{result.stderr}")
    with open(summary) as f:
        return json.load(f)


def gate(args, database, baseline, candidate, work):
    report = os.path.join(work, f"gate-{baseline}-{candidate}.json")
    result = loadgen(args, "gate", "--baseline", str(baseline), "--candidate", str(candidate), "--db", database,
                     "--max-regression", args.margin, "--json", report)
    if result.returncode not in (0, 1):
        sys.exit(f"loadgen gate failed ({result.returncode}):\n{result.stderr}")
    with open(report) as f:
        judged = [m for m in json.load(f)["results"] if m["verdict"] != "insufficient_data" and m["metric"] != "error_rate"]
    return result.returncode, result.stdout, judged


def widest_changes(judged):
    """The judged latency metrics as 'phase pXX +change [low … high]', to see how close a pair came to the limit."""
    return ", ".join(f"{m['phase']} {m['metric']} {100 * (m['change'] - 1):+.1f}% [{100 * (m['low'] - 1):+.1f} … "
                     f"{100 * (m['high'] - 1):+.1f}]" for m in judged)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=10, help="same-build pairs to gate (N; N+1 runs)")
    parser.add_argument("--scale", type=float, default=0.45, help="--duration-scale per run (0.45: ~30 s)")
    parser.add_argument("--margin", default="10%")
    parser.add_argument("--loadgen", default=os.path.join(ROOT, ".build/release/loadgen"))
    parser.add_argument("--targetservice", default=os.path.join(ROOT, ".build/release/targetservice"))
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="gate-bench-") as work:
        service, url = start_service(args.targetservice, os.path.join(work, "data"))
        try:
            database = os.path.join(work, "results.sqlite")
            first = None
            run_ids = []
            for index in range(args.pairs + 1):
                summary = run_once(args, url, database, os.path.join(work, f"run{index}.json"))
                run_ids.append(summary["run"]["id"])
                first = first or summary
                print(f"run {summary['run']['id']}: {summary['run']['status']}", flush=True)
            alarms = 0
            for baseline, candidate in zip(run_ids, run_ids[1:]):
                code, output, judged = gate(args, database, baseline, candidate, work)
                alarms += code == 1
                print(f"gate {baseline} -> {candidate}: {'FAIL (false alarm)' if code else 'pass'}; {widest_changes(judged)}",
                      flush=True)
                if code:
                    print(output, flush=True)

            steady = next(r for r in first["requests"] if r["phase"] == "steady")
            delay = 0.3 * steady["latency_ms"]["p50"] / 1000
            proxy_port = start_delay_proxy(int(url.rsplit(":", 1)[1]), delay)
            slowed = run_once(args, f"http://127.0.0.1:{proxy_port}", database, os.path.join(work, "slowed.json"))
            code, output, _ = gate(args, database, run_ids[0], slowed["run"]["id"], work)
            print(output)
            print(f"false alarms: {alarms} of {args.pairs} same-build pairs (margin {args.margin})")
            print(f"slowed run (+{delay * 1000:.1f} ms, 30% of the baseline median): {'FAIL (detected)' if code else 'pass (missed)'}")
        finally:
            service.terminate()
            service.wait(10)


if __name__ == "__main__":
    main()
