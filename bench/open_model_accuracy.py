#!/usr/bin/env python3
"""Open-model accuracy of loadgen, measured at the server: what arrived, when, against what was asked for.

loadgen runs open-model phases against a static file from nginx (bench/nginx_static.py, access log on). nginx logs
every request with `$msec`; from those times the script computes, per second and in 50 ms bins:

- constant rate (default 1,000/s and 10,000/s): achieved rate vs target, the per-second counts, and the dispersion
  index (variance / mean) of the 50 ms bin counts, near 0 for an even pace;
- Poisson (default 1,000/s mean): the dispersion index of the 50 ms bin counts, 1 for a Poisson process; judged
  within 1 +- 3*sqrt(2/(n-1)) for n bins (three standard errors of the index of n Poisson counts);
- a ramp (default 1,000 -> 10,000/s over the whole phase): every second's count vs the linear target (the rate's
  integral over that second), each within 1 %;
- bursts (default 1,000/s, 5,000/s for 1 s every 5 s; the first window opens at the phase start): the count in every
  burst window and every gap between them vs target, each within 1 %.
For every shape the server's total is also compared with the number of requests the schedule holds.

Aligning the clocks. nginx logs wall-clock time; loadgen schedules on its monotonic clock and records neither's
relation to the other. The script recomputes each phase's schedule as loadgen does (the same formulas; for Poisson
the same SplitMix64 sequence and seed), pairs the k-th request nginx saw with the k-th due time and takes the median
of (server time - due time) as the clock offset. So a constant delay moves no request between bins and is not judged
here: lateness is loadgen's send lag, reported beside. The spread left per request after the offset is printed as
the server-side jitter (at the log's millisecond resolution).

Send lag. loadgen records actual - intended send time for every open-model request and stores p50/p99/max as the
run's `send_lag` event in its SQLite database. Beside every run, bench/timer_floor.c sleeps to absolute 1 ms
deadlines and records how late it wakes: the floor any generator on this machine shares in those same seconds.
Goal, at each constant rate on the medians of --rounds rounds: p99 send lag <= timer-floor p99 + 0.2 ms.

Resolution. `$msec` is milliseconds from nginx's time cache, refreshed each time epoll returns, so requests read in
one wake-up share a time; arrival = $msec - $request_time (both ms). 50 ms bins are 50x coarser than that.
Sent, dropped and error counts come from loadgen's SQLite database (request_stats), not its --json summary.

Usage: python3 bench/open_model_accuracy.py [--rounds 3] [--seconds 20] [--rates 1000,10000] [--poisson-rate 1000]
           [--ramp 1000:10000] [--burst 1000:5000:5:1] [--shapes constant,poisson,ramp,bursts]
"""
import argparse
import json
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_static import NginxStatic  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMER_FLOOR_SOURCE = os.path.join(ROOT, "bench", "timer_floor.c")
LOADGEN = os.path.join(ROOT, ".build", "release", "loadgen")
BIN = 0.05  # seconds
GOAL_MARGIN_MS = 0.2
MASK = (1 << 64) - 1


# --- loadgen's schedules, recomputed (Sources/LoadCore/Schedule/*.swift) -----------------------------------------

def _until(times, seconds):
    """Due times up to the phase end, as ScheduleTime.offset cuts them: whole nanoseconds, strictly before the end."""
    end = round(seconds * 1e9)
    return [t for t in times if round(t * 1e9) < end]


def constant_schedule(rate, seconds):
    return _until((k / rate for k in range(math.ceil(rate * seconds) + 1)), seconds)


def ramp_schedule(start, target, seconds):
    """Rate moving linearly from `start` to `target` over the whole phase: arrival k is due when the integral is k."""
    slope = (target - start) / seconds
    times = []
    for k in range(math.ceil((start + target) / 2 * seconds) + 1):
        t = k / start if slope == 0 else (-start + math.sqrt(start * start + 2 * slope * k)) / slope
        times.append(t)
    return _until(times, seconds)


def burst_schedule(base, burst_rate, every, length, seconds):
    in_burst = burst_rate * length
    per_period = in_burst + base * (every - length)
    times = []
    for k in range(math.ceil(per_period * (seconds / every + 1))):
        periods = math.floor(k / per_period)
        owed = k - periods * per_period
        start = periods * every
        times.append(start + owed / burst_rate if owed < in_burst else start + length + (owed - in_burst) / base)
    return _until(times, seconds)


def poisson_schedule(rate, seed, seconds):
    """Exponential gaps from SplitMix64(seed), the first one gap after the phase start."""
    state, elapsed, times = seed & MASK, 0.0, []
    end = round(seconds * 1e9)
    for _ in range(int(rate * seconds * 2) + 100):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        elapsed += -math.log(1 - (z >> 11) * 2.0 ** -53) / rate
        if round(elapsed * 1e9) >= end:
            break
        times.append(elapsed)
    return times


# --- measurement ------------------------------------------------------------------------------------------------

def build_timer_floor(workdir):
    binary = os.path.join(workdir, "timer_floor")
    subprocess.run(["cc", "-O2", "-o", binary, TIMER_FLOOR_SOURCE], check=True)
    return binary


def counts(times, width, n):
    """Counts of `times` (seconds from the phase start) in n bins of `width` seconds from 0."""
    c = [0] * n
    for t in times:
        i = math.floor(t / width)
        if 0 <= i < n:
            c[i] += 1
    return c


def dispersion(c):
    mean = statistics.fmean(c)
    return statistics.variance(c) / mean if mean > 0 else float("nan")


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p / 100))]


def loadgen_totals(db):
    """Sent, dropped and errors of the run's phase from request_stats (every request row but the merged `*`)."""
    with sqlite3.connect(db) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(request_stats)")}
        wanted = [c for c in ("sent", "dropped", "errors") if c in columns]
        row = conn.execute(f"SELECT {', '.join(f'SUM({c})' for c in wanted)} FROM request_stats "
                           "WHERE request != '*'").fetchone()
        totals = {c: int(v or 0) for c, v in zip(wanted, row)}
        lag_row = conn.execute("SELECT detail FROM events WHERE name = 'send_lag' ORDER BY rowid DESC LIMIT 1").fetchone()
    lag = json.loads(lag_row[0]) if lag_row else {}
    return totals, {k: float(lag[k]) for k in ("p50_ms", "p99_ms", "max_ms") if k in lag}


def run(loadgen, nginx, shape, seconds, workdir, index, timer_floor, log_offset):
    tag = f"run={index}"
    scenario = os.path.join(workdir, f"run-{index}.yaml")
    with open(scenario, "w") as f:
        f.write(f"""name: open-model-accuracy-{shape['name']}
description: {shape['label']} against a static file, arrivals counted by the server
target: {{ url: "{nginx.url.rsplit('/', 1)[0]}" }}
requests:
  - {{ name: static, method: GET, path: "/index.html?{tag}" }}
phases:
  - {{ name: {shape['name']}, duration: {seconds}s, arrival: {shape['arrival']} }}
""")
    db = os.path.join(workdir, f"run-{index}.sqlite")
    load = os.getloadavg()[0]  # the machine is shared: what else ran shows here
    # The probe covers the phase's seconds (loadgen starts its timeline ~0.3 s after launch).
    probe = subprocess.Popen([timer_floor, str(seconds + 0.5), "1000000"], stdout=subprocess.PIPE, text=True)
    code = subprocess.run([loadgen, "run", scenario, "--quiet", "--db", db], stdout=subprocess.DEVNULL,
                          timeout=seconds + 120).returncode
    floor = json.loads(probe.communicate(timeout=seconds + 30)[0])
    if code != 0:
        print(f"warning: loadgen exited {code} for {shape['label']}", file=sys.stderr)
    totals, lag = loadgen_totals(db)

    lines, log_offset = nginx.read_log_from(log_offset)
    arrivals, statuses = [], {}
    for line in lines:
        fields = line.split(" ")
        if len(fields) != 4 or not fields[3].endswith("?" + tag):
            continue
        statuses[fields[2]] = statuses.get(fields[2], 0) + 1
        arrivals.append(float(fields[0]) - float(fields[1]))
    arrivals.sort()
    due = shape["schedule"]()
    if "sent" in totals and "dropped" in totals and totals["sent"] + totals["dropped"] != len(due):
        print(f"warning: loadgen issued {totals['sent'] + totals['dropped']} requests, the recomputed schedule holds "
              f"{len(due)}: the alignment below pairs different requests", file=sys.stderr)
    paired = min(len(arrivals), len(due))
    if paired == 0:
        raise SystemExit(f"nginx logged no request of {shape['label']} (loadgen exit code {code})")
    offset = statistics.median(arrivals[k] - due[k] for k in range(paired))
    relative = [t - offset for t in arrivals]
    jitter = sorted(abs(relative[k] - due[k]) * 1000 for k in range(paired))
    per_second = counts(relative, 1.0, seconds)
    bins = counts(relative, BIN, round(seconds / BIN))
    return {
        "load": load, "server": len(arrivals), "scheduled": len(due), "statuses": statuses, "loadgen": totals, "exit": code,
        "achieved": len(arrivals) / seconds, "per_second": per_second, "bins": bins,
        "dispersion": dispersion(bins), "schedule_dispersion": dispersion(counts(due, BIN, len(bins))),
        "relative": relative, "jitter_p99": percentile(jitter, 99), "jitter_max": jitter[-1],
        "lag_p50": lag.get("p50_ms", float("nan")), "lag_p99": lag.get("p99_ms", float("nan")),
        "lag_max": lag.get("max_ms", float("nan")),
        "floor_p50": floor["p50_ms"], "floor_p99": floor["p99_ms"], "floor_max": floor["max_ms"],
    }, log_offset


def shapes(args):
    s = args.seconds
    result = []
    if "constant" in args.shapes:
        for rate in [int(r) for r in args.rates.split(",")]:
            result.append({"name": f"constant-{rate}", "kind": "constant", "rate": rate, "label": f"constant {rate:,}/s",
                           "arrival": f"{{ rate: {rate}/s }}", "schedule": lambda rate=rate: constant_schedule(rate, s)})
    if "poisson" in args.shapes:
        rate = args.poisson_rate
        result.append({"name": "poisson", "kind": "poisson", "rate": rate, "label": f"Poisson {rate:,}/s",
                       "arrival": None, "schedule": None})
    if "ramp" in args.shapes:
        start, target = (int(x) for x in args.ramp.split(":"))
        result.append({"name": "ramp", "kind": "ramp", "start": start, "target": target,
                       "label": f"ramp {start:,} -> {target:,}/s",
                       "arrival": f"{{ rate: {start}/s, stages: [ {{ duration: {s}s, target: {target}/s }} ] }}",
                       "schedule": lambda: ramp_schedule(start, target, s)})
    if "bursts" in args.shapes:
        base, burst, every, length = (float(x) for x in args.burst.split(":"))
        result.append({"name": "bursts", "kind": "bursts", "base": base, "burst": burst, "every": every, "for": length,
                       "label": f"bursts {base:,.0f}/s + {burst:,.0f}/s for {length:g} s every {every:g} s",
                       "arrival": f"{{ rate: {base:g}/s, burst: {{ every: {every:g}s, for: {length:g}s, rate: {burst:g}/s }} }}",
                       "schedule": lambda: burst_schedule(base, burst, every, length, s)})
    return result


def with_seed(shape, seed, seconds):
    """Poisson runs get a seed per round, so the rounds are three different Poisson samples."""
    if shape["kind"] != "poisson":
        return shape
    rate = shape["rate"]
    return dict(shape, arrival=f"{{ rate: {rate}/s, poisson: true, seed: {seed} }}",
                schedule=lambda: poisson_schedule(rate, seed, seconds))


def burst_windows(shape, r, seconds):
    """Counts in each burst window and each gap between windows (only whole windows/gaps inside the phase)."""
    inside, outside = [], []
    start = 0.0
    while start + shape["every"] <= seconds + 1e-9:
        window_end = start + shape["for"]
        inside.append(sum(1 for t in r["relative"] if start <= t < window_end))
        outside.append(sum(1 for t in r["relative"] if window_end <= t < start + shape["every"]))
        start += shape["every"]
    return inside, outside


def median(rs, key):
    return statistics.median(r[key] for r in rs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--rates", default="1000,10000", help="constant rates, req/s")
    parser.add_argument("--poisson-rate", type=int, default=1000)
    parser.add_argument("--ramp", default="1000:10000", help="START:TARGET req/s over the whole phase")
    parser.add_argument("--burst", default="1000:5000:5:1", help="BASE:BURST_RATE:EVERY_S:FOR_S")
    parser.add_argument("--shapes", default="constant,poisson,ramp,bursts")
    parser.add_argument("--loadgen", default=LOADGEN, help="the loadgen binary to measure (to compare two builds)")
    args = parser.parse_args()
    if not os.path.exists(args.loadgen):
        raise SystemExit(f"no loadgen binary at {args.loadgen}: build it with swift build -c release --product loadgen")
    plan = shapes(args)
    results = {shape["name"]: [] for shape in plan}
    started = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    with NginxStatic(access_log=True) as nginx, tempfile.TemporaryDirectory(prefix="bench-open-") as workdir:
        timer_floor = build_timer_floor(workdir)
        index, log_offset = 0, 0
        for round_index in range(args.rounds):
            for base_shape in plan:
                index += 1
                shape = with_seed(base_shape, round_index + 1, args.seconds)
                r, log_offset = run(args.loadgen, nginx, shape, args.seconds, workdir, index, timer_floor, log_offset)
                results[shape["name"]].append(r)
                lg = r["loadgen"]
                print(f"round {round_index + 1} {shape['label']} (load average {r['load']:.2f}): server {r['server']} of {r['scheduled']} scheduled "
                      f"({r['achieved']:,.1f}/s; statuses {r['statuses']}); loadgen sent {lg.get('sent')} "
                      f"dropped {lg.get('dropped')} errors {lg.get('errors')}; 50 ms dispersion {r['dispersion']:.3f} "
                      f"(schedule {r['schedule_dispersion']:.3f}); server jitter p99 {r['jitter_p99']:.1f} ms max "
                      f"{r['jitter_max']:.1f} ms; send lag p50 {r['lag_p50']:.3f} p99 {r['lag_p99']:.3f} max "
                      f"{r['lag_max']:.3f} ms; timer floor p50 {r['floor_p50']:.3f} p99 {r['floor_p99']:.3f} max "
                      f"{r['floor_max']:.3f} ms", flush=True)
    print(f"\nstarted {started}; {args.rounds} rounds of {args.seconds} s per shape; medians of the rounds\n")
    report(plan, results, args)


def report(plan, results, args):
    s = args.seconds
    constant = [shape for shape in plan if shape["kind"] == "constant"]
    if constant:
        print("Constant rate, counted by nginx")
        print()
        print("| target | server count / scheduled | achieved | deviation | slowest / fastest second | 50 ms bins: "
              "dispersion | server jitter p99 | rate within 0.5 % |")
        print("|---:|---:|---:|---:|---:|---:|---:|---|")
        for shape in constant:
            rs, rate = results[shape["name"]], shape["rate"]
            achieved = median(rs, "achieved")
            deviation = 100 * (achieved - rate) / rate
            print(f"| {rate:,}/s | {median(rs, 'server'):,.0f} / {rs[0]['scheduled']:,} | {achieved:,.1f}/s | "
                  f"{deviation:+.2f} % | {statistics.median(min(r['per_second']) for r in rs):,.0f} / "
                  f"{statistics.median(max(r['per_second']) for r in rs):,.0f} | {median(rs, 'dispersion'):.3f} | "
                  f"{median(rs, 'jitter_p99'):.1f} ms | {'PASS' if abs(deviation) <= 0.5 else 'FAIL'} |")
        print()
        print("Send lag (loadgen's `send_lag` event) beside the timer floor of the same seconds")
        print()
        print("| target | send lag p50 | send lag p99 | send lag max | timer floor p50 | timer floor p99 | "
              "timer floor max | p99 lag <= floor p99 + 0.2 ms |")
        print("|---:|---:|---:|---:|---:|---:|---:|---|")
        verdicts = []
        for shape in constant:
            rs = results[shape["name"]]
            lag, floor = median(rs, "lag_p99"), median(rs, "floor_p99")
            verdict = "PASS" if lag <= floor + GOAL_MARGIN_MS else "FAIL"
            verdicts.append(f"{shape['rate']:,}/s {verdict} ({lag:.3f} vs {floor:.3f} + {GOAL_MARGIN_MS} ms)")
            print(f"| {shape['rate']:,}/s | {median(rs, 'lag_p50'):.3f} ms | {lag:.3f} ms | {median(rs, 'lag_max'):.3f} ms "
                  f"| {median(rs, 'floor_p50'):.3f} ms | {floor:.3f} ms | {median(rs, 'floor_max'):.3f} ms | {verdict} |")
        print()
        print("per round, send-lag p99 vs timer-floor p99 (ms): " + "; ".join(
            f"{shape['rate']:,}/s " + ", ".join(
                f"{r['lag_p99']:.3f} vs {r['floor_p99']:.3f} "
                f"{'PASS' if r['lag_p99'] <= r['floor_p99'] + GOAL_MARGIN_MS else 'FAIL'}" for r in results[shape['name']])
            for shape in constant))
        print("goal p99 send lag <= timer-floor p99 + 0.2 ms: " + " | ".join(verdicts))
        print()
    for shape in plan:
        rs = results[shape["name"]]
        if shape["kind"] == "poisson":
            n = len(rs[0]["bins"])
            band = 3 * math.sqrt(2 / (n - 1))
            d = median(rs, "dispersion")
            print(f"Poisson {shape['rate']:,}/s (seeds 1..{len(rs)}), {n} bins of 50 ms")
            print()
            print("| server count / scheduled | achieved | 50 ms bin mean | dispersion (server) | dispersion (schedule) "
                  "| band | within band |")
            print("|---:|---:|---:|---:|---:|---:|---|")
            print(f"| {median(rs, 'server'):,.0f} / {median(rs, 'scheduled'):,.0f} | {median(rs, 'achieved'):,.1f}/s | "
                  f"{statistics.median(statistics.fmean(r['bins']) for r in rs):.1f} | {d:.3f} | "
                  f"{median(rs, 'schedule_dispersion'):.3f} | 1 +- {band:.3f} | {'PASS' if abs(d - 1) <= band else 'FAIL'} |")
            print("per round, dispersion server / schedule: " + ", ".join(
                f"{r['dispersion']:.3f} / {r['schedule_dispersion']:.3f}" for r in rs))
            print()
        elif shape["kind"] == "ramp":
            start, target = shape["start"], shape["target"]
            print(f"Ramp {start:,} -> {target:,}/s over {s} s: per-second counts vs the linear target")
            print()
            print("| second | target | server count (median) | deviation | min - max over rounds |")
            print("|---:|---:|---:|---:|---:|")
            worst = 0.0
            for i in range(s):
                expected = start + (target - start) * (i + 0.5) / s
                values = [r["per_second"][i] for r in rs]
                got = statistics.median(values)
                worst = max([worst] + [abs(v - expected) / expected * 100 for v in values])
                print(f"| {i} | {expected:,.0f} | {got:,.0f} | {100 * (got - expected) / expected:+.2f} % | "
                      f"{min(values):,} - {max(values):,} |")
            print(f"\nserver count {median(rs, 'server'):,.0f} of {rs[0]['scheduled']:,} scheduled; worst second of any "
                  f"round {worst:.2f} % off: {'PASS' if worst <= 1.0 else 'FAIL'} (every second within 1 %)")
            print()
        elif shape["kind"] == "bursts":
            expected_in = shape["burst"] * shape["for"]
            expected_out = shape["base"] * (shape["every"] - shape["for"])
            windows = [burst_windows(shape, r, s) for r in rs]
            print(f"{shape['label'][0].upper() + shape['label'][1:]}: counts inside and outside the burst windows")
            print()
            print("| | windows per run | target per window | median | min | max | worst deviation |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            worst_all = 0.0
            for label, which, expected in (("burst window", 0, expected_in), ("between bursts", 1, expected_out)):
                values = [v for w in windows for v in w[which]]
                worst = max(abs(v - expected) / expected * 100 for v in values)
                worst_all = max(worst_all, worst)
                print(f"| {label} | {len(windows[0][which])} | {expected:,.0f} | {statistics.median(values):,.0f} | "
                      f"{min(values):,} | {max(values):,} | {worst:.2f} % |")
            print(f"\nserver count {median(rs, 'server'):,.0f} of {rs[0]['scheduled']:,} scheduled; "
                  f"{'PASS' if worst_all <= 1.0 else 'FAIL'} (every window and gap within 1 %)")
            print()


if __name__ == "__main__":
    main()
