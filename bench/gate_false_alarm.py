#!/usr/bin/env python3
"""False alarms and power of `loadgen gate` on the bundled service, in both noise-aware modes (release build).

Every comparison uses fresh runs only (no run is reused across comparisons):

- history: K (default 5) runs of the baseline build added to a new tag set, then one candidate run, then
  `loadgen gate --baseline SET --candidate RUN`;
- interleaved: one `loadgen ab SCENARIO --baseline URL_A --candidate URL_B --rounds R` session.

Each comparison is made with the candidate as fast as the baseline (same build: a FAIL is a false alarm) and slowed
by each --levels percentage (a FAIL is a detection). All runs go to one `targetservice serve` through delaying TCP
proxies in this script, so both sides pass the same path: the baseline side's proxy adds nothing, the candidate's adds
LEVEL % of the baseline build's median latency (measured once, in a calibration run, before the comparisons) to every
chunk the client sends. The scenario is scenarios/baseline.yaml's request (POST /v1/detect, golden-box checks) at
--rate for --seconds (the steady phase the gate judges), after a 1 s warm-up.

Prints one line per comparison and a table: per mode and level, comparisons, FAILs, and the rate.
Goals (issue: a deploy gate that doesn't cry wolf): same build <= 1 FAIL in 20; 30 % caught >= 19 of 20.

Usage: swift build -c release && python3 bench/gate_false_alarm.py [--comparisons 20] [--levels 10,20,30]
       [--modes history,interleaved] [--history 5] [--rounds 4] [--rate 12] [--seconds 4] [--margin 10%]
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
PAYLOADS = os.path.join(ROOT, "scenarios", "payloads")


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


def start_delay_proxy(upstream_port):
    """A TCP proxy on 127.0.0.1 that forwards client bytes `delay["seconds"]` after they arrived (read when each chunk
    arrives, so the caller can change it between runs); returns (port, delay)."""
    ready = threading.Event()
    port = {}
    delay = {"seconds": 0.0}

    async def forward(reader, writer, delayed):
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
                wait = delay["seconds"] if delayed else 0
                await queue.put((asyncio.get_running_loop().time() + wait, data))
        finally:
            await queue.put((0, None))
            await sender

    async def handle(client_reader, client_writer):
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
        await asyncio.gather(
            forward(client_reader, server_writer, True), forward(server_reader, client_writer, False),
            return_exceptions=True)

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        port["value"] = server.sockets[0].getsockname()[1]
        ready.set()
        await server.serve_forever()

    threading.Thread(target=lambda: asyncio.run(main()), daemon=True).start()
    ready.wait(10)
    return port["value"], delay


def scenario_text(args):
    return f"""name: gate-bench
target: {{ url: "http://127.0.0.1:1" }}
requests:
  - name: detect
    method: POST
    path: /v1/detect
    headers: {{ content-type: image/jpeg }}
    body: {{ files: {PAYLOADS}/images/*.jpg }}
    expect:
      status: 200
      json: {{ model: face }}
      detections: {{ golden: {PAYLOADS}/face-golden.json, iou: 0.5 }}
phases:
  - {{ name: warmup, duration: 1s, arrival: {{ rate: {args.rate}/s }} }}
  - {{ name: steady, duration: {args.seconds}s, arrival: {{ rate: {args.rate}/s }} }}
"""


def loadgen(args, *extra):
    return subprocess.run([args.loadgen, *extra], capture_output=True, text=True)


def run_once(args, scenario, target, database):
    summary = os.path.join(os.path.dirname(database), "last-run.json")
    result = loadgen(args, "run", scenario, "--target", target, "--db", database, "--quiet", "--json", summary)
    if result.returncode not in (0, 1):
        sys.exit(f"loadgen run failed ({result.returncode}):\n{result.stderr}")
    with open(summary) as f:
        return json.load(f)


def judged_p50(report_path):
    with open(report_path) as f:
        report = json.load(f)
    p50 = next((m for m in report["results"] if m["phase"] == "steady" and m["metric"] == "p50"), None)
    if not p50:
        return "p50 not judged"
    return (f"p50 {100 * (p50['change'] - 1):+.1f}% [{100 * (p50['low'] - 1):+.1f} .. {100 * (p50['high'] - 1):+.1f}] "
            f"{p50['verdict']}")


def history_comparison(args, scenario, database, work, urls, name):
    for _ in range(args.history):
        run = run_once(args, scenario, urls["baseline"], database)
        loadgen(args, "tag", str(run["run"]["id"]), name, "--add", "--db", database)
    candidate = run_once(args, scenario, urls["candidate"], database)
    report = os.path.join(work, f"{name}.json")
    result = loadgen(args, "gate", "--baseline", name, "--baseline-runs", str(args.history), "--candidate",
                     str(candidate["run"]["id"]), "--db", database, "--max-regression", args.margin, "--json", report)
    if result.returncode not in (0, 1):
        sys.exit(f"loadgen gate failed ({result.returncode}):\n{result.stderr}")
    return result.returncode, judged_p50(report), result.stdout


def interleaved_comparison(args, scenario, database, work, urls, name):
    report = os.path.join(work, f"{name}.json")
    result = loadgen(args, "ab", scenario, "--baseline", urls["baseline"], "--candidate", urls["candidate"],
                     "--rounds", str(args.rounds), "--duration-scale", str(args.rounds), "--tag", name, "--db", database,
                     "--max-regression", args.margin, "--json", report, "--quiet")
    if result.returncode not in (0, 1):
        sys.exit(f"loadgen ab failed ({result.returncode}):\n{result.stderr}")
    return result.returncode, judged_p50(report), result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comparisons", type=int, default=20, help="comparisons per mode and level")
    parser.add_argument("--levels", default="10,20,30", help="candidate slowdowns, %% of the baseline median")
    parser.add_argument("--modes", default="history,interleaved")
    parser.add_argument("--history", type=int, default=5, help="baseline runs per history comparison (K)")
    parser.add_argument("--rounds", type=int, default=4, help="rounds per interleaved session")
    parser.add_argument("--rate", type=int, default=12, help="detections/s (the service sustains ~20/s on 2 cores)")
    parser.add_argument("--seconds", type=int, default=4, help="steady-phase seconds per run and per slice")
    parser.add_argument("--margin", default="10%")
    parser.add_argument("--loadgen", default=os.path.join(ROOT, ".build/release/loadgen"))
    parser.add_argument("--targetservice", default=os.path.join(ROOT, ".build/release/targetservice"))
    args = parser.parse_args()
    levels = [0] + [int(level) for level in args.levels.split(",") if level]
    modes = [mode for mode in args.modes.split(",") if mode]
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")

    with tempfile.TemporaryDirectory(prefix="gate-bench-") as work:
        service, url = start_service(args.targetservice, os.path.join(work, "data"))
        try:
            upstream = int(url.rsplit(":", 1)[1])
            baseline_port, _ = start_delay_proxy(upstream)
            candidate_port, candidate_delay = start_delay_proxy(upstream)
            urls = {"baseline": f"http://127.0.0.1:{baseline_port}", "candidate": f"http://127.0.0.1:{candidate_port}"}
            scenario = os.path.join(work, "gate-bench.yaml")
            with open(scenario, "w") as f:
                f.write(scenario_text(args))
            database = os.path.join(work, "results.sqlite")
            calibration = run_once(args, scenario, urls["baseline"], database)
            steady = next(r for r in calibration["requests"] if r["phase"] == "steady")
            median_ms = steady["latency_ms"]["p50"]
            print(f"calibration: steady p50 {median_ms:.1f} ms", flush=True)
            outcomes = {}
            # Levels interleaved within each trial, so machine drift over the benchmark hits every level alike.
            for trial in range(args.comparisons):
                for mode in modes:
                    for level in levels:
                        candidate_delay["seconds"] = level / 100 * median_ms / 1000
                        name = f"{mode}-{level}-{trial}"
                        compare = history_comparison if mode == "history" else interleaved_comparison
                        code, p50, output = compare(args, scenario, database, work, urls, name)
                        outcomes.setdefault((mode, level), []).append(code == 1)
                        load = os.getloadavg()[0]
                        print(f"{name}: {'FAIL' if code else 'pass'}; {p50}; load {load:.2f}", flush=True)
                        if code and level == 0:
                            print(output, flush=True)
        finally:
            service.terminate()
            service.wait(10)

    print(f"\nstarted {started}; margin {args.margin}; {args.rate}/s for {args.seconds} s per run/slice; "
          f"history K = {args.history}; interleaved rounds = {args.rounds}; calibration p50 {median_ms:.1f} ms\n")
    print("| mode | candidate | comparisons | FAIL | rate | goal |")
    print("|---|---|---:|---:|---:|---|")
    for (mode, level), fails in outcomes.items():
        count, failed = len(fails), sum(fails)
        if level == 0:
            goal = f"<= 1 in 20 false alarms: {'PASS' if failed <= max(1, count // 20) else 'FAIL'}"
        elif level == 30:
            goal = f">= 19 of 20 caught: {'PASS' if failed >= count - max(1, count // 20) else 'FAIL'}"
        else:
            goal = f"caught >= 80 %: {'yes' if failed >= 0.8 * count else 'no'}"
        label = "same build" if level == 0 else f"+{level} % of p50"
        print(f"| {mode} | {label} | {count} | {failed} | {100 * failed / count:.0f} % | {goal} |")


if __name__ == "__main__":
    main()
