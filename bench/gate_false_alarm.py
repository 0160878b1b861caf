#!/usr/bin/env python3
"""False alarms and power of `loadgen gate` on the bundled service, in both noise-aware modes (release build).

Every comparison uses fresh runs only (no run is reused across comparisons):

- history: K (default 5) runs of the baseline build added to a new tag set, then M (--candidate-runs, default 1)
  candidate runs added to a second set, then `loadgen gate --baseline SET --candidate CSET --candidate-runs M`.
  Back to back by default; with --spread each comparison's baseline runs are recorded one per step of a pipelined
  schedule, so a history spans minutes of the machine's drift as a history built over successive deploys does;
- interleaved: one `loadgen ab SCENARIO --baseline URL_A --candidate URL_B --rounds R` session.

Each comparison is made with the candidate as fast as the baseline (same build: a FAIL is a false alarm) and slowed
by each --levels percentage (a FAIL is a detection). All runs go to one `targetservice serve` through delaying TCP
proxies in this script, so both sides pass the same path: the baseline side's proxy adds nothing, the candidate's adds
LEVEL % of the baseline build's median latency (measured once, in a calibration run, before the comparisons) to every
chunk the client sends; with --delay-reference history, history comparisons use LEVEL % of the median p50 of their
own K baseline runs instead, so a slowdown keeps its size relative to the history it is judged against. The scenario is scenarios/baseline.yaml's request (POST /v1/detect, golden-box checks) at
--rate for --seconds (the steady phase the gate judges), after a 1 s warm-up.

Prints one line per comparison and a table: per mode and level, comparisons, FAILs, and the rate.
Goals (issue: a deploy gate that doesn't cry wolf): same build <= 1 FAIL in 20; 30 % caught >= 19 of 20.

Usage: swift build -c release && python3 bench/gate_false_alarm.py [--comparisons 20] [--levels 10,20,30]
       [--modes history,interleaved] [--history 5] [--candidate-runs 1] [--spread] [--delay-reference calibration]
       [--rounds 4] [--rate 12]
       [--seconds 4] [--margin 10%]
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


def judged_metrics(report_path):
    """The steady phase's p50, and every other metric that was judged (p90 and above need enough responses)."""
    with open(report_path) as f:
        report = json.load(f)
    parts = []
    for m in report["results"]:
        if m["phase"] != "steady" or (m["metric"] != "p50" and m["verdict"] in ("insufficient data", "insufficient_data")):
            continue
        if m["metric"] in ("error_rate", "check_rate") and m["verdict"] == "pass":
            continue
        if m["metric"].startswith("p") or m["metric"].startswith("all"):
            parts.append(f"{m['metric']} {100 * (m['change'] - 1):+.1f}% [{100 * (m['low'] - 1):+.1f} .. "
                         f"{100 * (m['high'] - 1):+.1f}] {m['verdict']}")
        else:
            parts.append(f"{m['metric']} {m['change']:+.4f} {m['verdict']}")
    return "; ".join(parts) or "p50 not judged"


def steady_p50(run):
    return next(r for r in run["requests"] if r["phase"] == "steady")["latency_ms"]["p50"]


def history_delay(args, level, history_p50s, candidate_delay):
    """With --delay-reference history, a level is a share of the median p50 of the comparison's own baseline runs,
    so "+30 %" is 30 % of the history the candidate is judged against, however the machine drifted since the
    calibration."""
    if args.delay_reference == "history":
        candidate_delay["seconds"] = level / 100 * sorted(history_p50s)[len(history_p50s) // 2] / 1000


def history_comparison(args, scenario, database, work, urls, name, level, candidate_delay):
    history_p50s = []
    for _ in range(args.history):
        run = run_once(args, scenario, urls["baseline"], database)
        history_p50s.append(steady_p50(run))
        loadgen(args, "tag", str(run["run"]["id"]), name, "--add", "--db", database)
    history_delay(args, level, history_p50s, candidate_delay)
    candidates = candidate_set(args, scenario, database, urls, name)
    return gate_history(args, database, work, name, candidates)


def candidate_set(args, scenario, database, urls, name):
    """M candidate runs back to back, tagged as one set (as a deploy's candidate runs would be)."""
    for _ in range(args.candidate_runs):
        run = run_once(args, scenario, urls["candidate"], database)
        loadgen(args, "tag", str(run["run"]["id"]), f"{name}-candidate", "--add", "--db", database)
    return f"{name}-candidate"


def gate_history(args, database, work, name, candidates):
    report = os.path.join(work, f"{name}.json")
    result = loadgen(args, "gate", "--baseline", name, "--baseline-runs", str(args.history), "--candidate",
                     candidates, "--candidate-runs", str(args.candidate_runs), "--db", database,
                     "--max-regression", args.margin, "--json", report)
    if result.returncode not in (0, 1):
        sys.exit(f"loadgen gate failed ({result.returncode}):\n{result.stderr}")
    return result.returncode, judged_metrics(report), result.stdout


def spread_histories(args, scenario, database, work, urls, candidate_delay, median_ms, levels, report):
    """History comparisons whose K baseline runs are spread over time, as a deploy history is: comparison c gets one
    baseline run at each of steps c … c+K−1 and its candidate run at step c+K, so its history spans K steps (each
    step is up to K+1 runs) instead of one sitting. No run serves two comparisons."""
    comparisons = [(level, trial) for trial in range(args.comparisons) for level in levels]
    history_p50s = {}
    for step in range(len(comparisons) + args.history):
        for c in range(max(0, step - args.history + 1), min(step + 1, len(comparisons))):
            level, trial = comparisons[c]
            run = run_once(args, scenario, urls["baseline"], database)
            history_p50s.setdefault(c, []).append(steady_p50(run))
            loadgen(args, "tag", str(run["run"]["id"]), f"history-{level}-{trial}", "--add", "--db", database)
        c = step - args.history
        if c >= 0:
            level, trial = comparisons[c]
            candidate_delay["seconds"] = level / 100 * median_ms / 1000
            history_delay(args, level, history_p50s[c], candidate_delay)
            name = f"history-{level}-{trial}"
            candidates = candidate_set(args, scenario, database, urls, name)
            code, metrics, output = gate_history(args, database, work, name, candidates)
            report(("history", level), name, code, metrics, output)


def interleaved_comparison(args, scenario, database, work, urls, name):
    report = os.path.join(work, f"{name}.json")
    result = loadgen(args, "ab", scenario, "--baseline", urls["baseline"], "--candidate", urls["candidate"],
                     "--rounds", str(args.rounds), "--duration-scale", str(args.rounds), "--tag", name, "--db", database,
                     "--max-regression", args.margin, "--json", report, "--quiet")
    if result.returncode not in (0, 1):
        sys.exit(f"loadgen ab failed ({result.returncode}):\n{result.stderr}")
    return result.returncode, judged_metrics(report), result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comparisons", type=int, default=20, help="comparisons per mode and level")
    parser.add_argument("--levels", default="10,20,30", help="candidate slowdowns, %% of the baseline median")
    parser.add_argument("--modes", default="history,interleaved")
    parser.add_argument("--history", type=int, default=5, help="baseline runs per history comparison (K)")
    parser.add_argument("--candidate-runs", type=int, default=1,
                        help="history mode: candidate runs judged together (their mean) per comparison (M)")
    parser.add_argument("--spread", action="store_true",
                        help="history mode: spread each comparison's K baseline runs over time (one per step of a "
                             "pipelined schedule, as a deploy history is) instead of recording them back to back")
    parser.add_argument("--delay-reference", choices=["calibration", "history"], default="calibration",
                        help="history mode: a level is a share of the calibration run's p50 (default) or of the "
                             "median p50 of the comparison's own K baseline runs")
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
            # The first run after the service starts is slower (cold caches, first connections): it is discarded,
            # and the level's delay is a share of the median p50 of the next three, so "+30 %" is 30 % of what the
            # baseline runs will measure.
            run_once(args, scenario, urls["baseline"], database)
            calibration = sorted(
                next(r for r in run_once(args, scenario, urls["baseline"], database)["requests"]
                     if r["phase"] == "steady")["latency_ms"]["p50"] for _ in range(3))
            median_ms = calibration[1]
            print(f"calibration: steady p50 {median_ms:.1f} ms (median of {', '.join(f'{v:.1f}' for v in calibration)}; "
                  f"a first, warm-up run discarded)", flush=True)
            outcomes = {}

            changes = {}

            def report(key, name, code, metrics, output):
                outcomes.setdefault(key, []).append(code == 1)
                if metrics.startswith("p50 "):
                    changes.setdefault(key, []).append(float(metrics.split()[1].rstrip("%")))
                print(f"{name}: {'FAIL' if code else 'pass'}; {metrics}; load {os.getloadavg()[0]:.2f}", flush=True)
                if code and key[1] == 0:
                    print(output, flush=True)

            if "history" in modes and args.spread:
                spread_histories(args, scenario, database, work, urls, candidate_delay, median_ms, levels, report)
                modes = [mode for mode in modes if mode != "history"]
            # Levels interleaved within each trial, so machine drift over the benchmark hits every level alike.
            for trial in range(args.comparisons):
                for mode in modes:
                    for level in levels:
                        candidate_delay["seconds"] = level / 100 * median_ms / 1000
                        name = f"{mode}-{level}-{trial}"
                        if mode == "history":
                            code, metrics, output = history_comparison(
                                args, scenario, database, work, urls, name, level, candidate_delay)
                        else:
                            code, metrics, output = interleaved_comparison(args, scenario, database, work, urls, name)
                        report((mode, level), name, code, metrics, output)
        finally:
            service.terminate()
            service.wait(10)

    print(f"\nstarted {started}; margin {args.margin}; {args.rate}/s for {args.seconds} s per run/slice; "
          f"history K = {args.history}{' spread over time' if args.spread else ' back to back'}, M = "
          f"{args.candidate_runs} candidate run(s), levels relative to the {args.delay_reference}; interleaved rounds = "
          f"{args.rounds}; calibration p50 {median_ms:.1f} ms\n")
    print("| mode | candidate | comparisons | FAIL | rate | median p50 change (range) | goal |")
    print("|---|---|---:|---:|---:|---:|---|")
    for (mode, level), fails in outcomes.items():
        count, failed = len(fails), sum(fails)
        if level == 0:
            goal = f"<= 1 in 20 false alarms: {'PASS' if failed <= max(1, count // 20) else 'FAIL'}"
        elif level == 30:
            goal = f">= 19 of 20 caught: {'PASS' if failed >= count - max(1, count // 20) else 'FAIL'}"
        else:
            goal = f"caught >= 80 %: {'yes' if failed >= 0.8 * count else 'no'}"
        label = "same build" if level == 0 else f"+{level} % of p50"
        measured = sorted(changes.get((mode, level), []))
        spread = (f"{measured[len(measured) // 2]:+.1f} % ({measured[0]:+.1f} … {measured[-1]:+.1f})"
                  if measured else "—")
        print(f"| {mode} | {label} | {count} | {failed} | {100 * failed / count:.0f} % | {spread} | {goal} |")


if __name__ == "__main__":
    main()
