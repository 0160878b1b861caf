#!/usr/bin/env python3
"""targetservice side by side with the seed's stack: Flask + OpenCV under gunicorn, same photo, same clients.

Why: the service replaces a Flask app that ran OpenCV's CascadeClassifier (cv2.setNumThreads(1)) under gunicorn with
two sync workers. This script measures both on this machine in the same session, so the claim "faster and it does
not fall over" is a number beside its peer's rather than beside an old note.

The two sides. Ours: `targetservice serve --host 127.0.0.1 --port 0` (its default `face` model), ready when /readyz
answers 200. The peer: bench/flask_detect_app.py (decode with cv2.imdecode, BGR -> gray, detectMultiScale with the
same cascade and parameters: scaleFactor 1.1, minNeighbors 3, no minimum size; cascade loaded once per worker) under
`gunicorn -w 2` (sync workers, default settings) on a free loopback port, ready when /healthz answers 200. It runs
from a venv in .build/bench-flask, created on first use:
    python3 -m venv .build/bench-flask
    .build/bench-flask/bin/pip install flask gunicorn 'opencv-python-headless<5' numpy
Both services run for the whole session (the idle one costs nothing) and the phases alternate between them, so the
machine's drift over minutes falls on both sides alike. Before measuring, one POST of the image to each side checks
that they find the same boxes (a warning if not; targetservice's are `detections[].box`). They may differ by a pixel
or two for a reason outside the detectors: the seed converts the decoded BGR image to gray with cv2.cvtColor, while
targetservice decodes the JPEG's luma plane directly (as cv2.imread(IMREAD_GRAYSCALE) does); the two grays differ by
rounding in some pixels (for grace_hopper.jpg: [155, 104, 224, 224] vs [155, 105, 222, 222]).

The phases, each side measured on its own terms:
1. Knee (closed loop): wrk at --levels connections for --seconds each, exactly as bench/service_knee.py runs it
   (its run_wrk: bench/post-jpeg.lua, one wrk thread per connection, every response's status and latency recorded,
   so the 200s are timed on their own). The knee is service_knee.py's rule: the last level whose 200s/s still grew by
   >= 5 % and whose 200 p99 stayed within 3x the single-connection p99.
2. Latency at 80 % of the knee (open model): requests at a fixed rate, 0.8x that side's sustained capacity, for
   --open-seconds. The sustained capacity is the median 200s/s of the knee level and every level after it (the
   plateau), not the knee level alone: on a shared machine one level of the sweep can read 15 % high, and 80 % of
   that is the service's real capacity, where it queues and sheds. The same rule holds for both sides; p50/p99 of the 200s, timed from each request's due time (so a late client or a full connection
   pool counts against the latency, not against the rate), and the 200s/s achieved. wrk is closed-loop and wrk2 is not
   packaged. hey -q does not fit either: each hey worker runs its own ticker, all started together, so -c C -q R/C
   sends bursts of C requests every C/R seconds rather than a steady rate; a tick missed behind a slow response is
   dropped (coordinated omission); and its CSV leaves out failed requests. So a small asyncio client in this process
   sends them: one request every 1/rate s, each on an idle keep-alive connection or a new one (gunicorn's sync workers
   close every connection, so the peer pays a connect per request, as its clients did), at most
   --open-connections at once. Its own CPU and its send lag (start - due time) are printed, so a client that could
   not keep up, or took the cores, shows.
3. Goodput under overload (closed loop, wrk at --overload multiples of the knee's connections; wrk ignores
   Retry-After and resends the moment a response arrives, like a retry storm): 200s/s, 503s/s, other statuses,
   socket errors, the 200s' p99, and the ratio of 200s/s to a knee run made right before it (as service_knee.py
   does, so drift between the sweep and the overload runs does not count).
Every closed-loop run also shows the cores the service used (its process and all its descendants, from /proc: the
gunicorn master and workers) and the cores wrk used (children's rusage).

Goals (PASS/FAIL): our knee >= 2.5x the peer's knee; no goodput collapse where the peer's holds: at every overload
multiple where the peer's 200s/s stays >= 0.9x its knee, ours must too (where the peer's collapses, ours is shown but
not judged).

Every run is bounded in time; all traffic goes to 127.0.0.1; both services are stopped by PID (SIGTERM, then SIGKILL
after 15 s, the gunicorn workers too).

Usage: python3 bench/service_vs_flask.py [--ours .build/release/targetservice] [--seconds 10] [--levels 1,2,3,4,6,8]
           [--overload 4,16] [--image grace_hopper.jpg] [--open-seconds 20] [--peer-workers 2]
"""
import argparse
import asyncio
import json
import os
import platform
import resource
import select
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import service_knee  # noqa: E402  (run_wrk, count_statuses, knee_of, percentile, children_cpu_seconds)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".build/bench-flask")
VENV_PACKAGES = ["flask", "gunicorn", "opencv-python-headless<5", "numpy"]
percentile = service_knee.percentile
knee_of = service_knee.knee_of


# --- the two sides ------------------------------------------------------------------------------------------------

def ensure_venv():
    """The peer's venv: created (and its packages installed) when gunicorn or a package is missing."""
    python = os.path.join(VENV, "bin", "python")
    check = [python, "-c", "import cv2, flask, gunicorn, numpy"]
    if os.path.exists(os.path.join(VENV, "bin", "gunicorn")) and subprocess.run(check, capture_output=True).returncode == 0:
        return
    commands = [[sys.executable, "-m", "venv", VENV],
                [os.path.join(VENV, "bin", "pip"), "install", *VENV_PACKAGES]]
    for command in commands:
        print("creating the peer's venv:", " ".join(shlex.quote(c) for c in command), file=sys.stderr, flush=True)
        subprocess.run(command, check=True, timeout=900)
    subprocess.run(check, check=True)


def venv_versions():
    code = ("import cv2, flask, gunicorn, importlib.metadata as m; "
            "print(cv2.__version__, m.version('flask'), gunicorn.__version__)")
    out = subprocess.run([os.path.join(VENV, "bin", "python"), "-c", code], capture_output=True, text=True).stdout
    opencv, flask, gunicorn = out.split()
    return f"OpenCV {opencv}, Flask {flask}, gunicorn {gunicorn}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_status(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code
    except OSError:
        return None


def proc_stat(pid):
    """(ppid, utime + stime, cutime + cstime) in seconds, from /proc/PID/stat; None when the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / tick, (int(fields[13]) + int(fields[14])) / tick


def descendants(pid):
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = proc_stat(int(entry))
            if stat:
                parents.setdefault(stat[0], []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class Side:
    """One service under test, started on 127.0.0.1 and stopped by PID."""

    def __init__(self, name, command, cwd=None):
        self.name, self.command, self.cwd = name, command, cwd
        self.process = None
        self.url = None
        self.log = tempfile.TemporaryFile()

    def cpu_seconds(self):
        """CPU of the service so far: the process and its descendants, plus the children they have reaped."""
        total = 0.0
        for pid in [self.process.pid, *descendants(self.process.pid)]:
            stat = proc_stat(pid)
            if stat:
                total += stat[1] + stat[2]
        return total

    def log_tail(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]

    def wait_ready(self, path, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"{self.name} exited with {self.process.returncode}:\n{self.log_tail()}")
            if get_status(self.url + path, timeout=2) == 200:
                return
            time.sleep(0.2)
        sys.exit(f"{self.name} was not ready within {seconds} s:\n{self.log_tail()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        workers = descendants(self.process.pid)
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        for pid in workers:  # gunicorn workers left behind by a killed master
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


class Ours(Side):
    def __init__(self, binary):
        super().__init__("targetservice", [binary, "serve", "--host", "127.0.0.1", "--port", "0"])

    def start(self):
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=self.log, text=True)
        # The first stdout line is the URL; read it with a deadline, then keep draining stdout so it never blocks.
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        line = self.process.stdout.readline().strip() if ready else ""
        if not line.startswith("http"):
            self.stop()
            sys.exit(f"targetservice did not print its address (got {line!r}):\n{self.log_tail()}")
        self.url = line
        threading.Thread(target=lambda: self.process.stdout.read(), daemon=True).start()
        self.wait_ready("/readyz", 60)


class Peer(Side):
    def __init__(self, workers):
        self.port = free_port()
        super().__init__(f"Flask + gunicorn -w {workers}",
                         [os.path.join(VENV, "bin", "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{self.port}",
                          "--chdir", "bench", "flask_detect_app:app"], cwd=ROOT)

    def start(self):
        self.process = subprocess.Popen(self.command, cwd=self.cwd, stdout=subprocess.DEVNULL, stderr=self.log)
        self.url = f"http://127.0.0.1:{self.port}"
        self.wait_ready("/healthz", 60)


def boxes(side, body):
    request = urllib.request.Request(side.url + "/v1/detect", data=body, method="POST",
                                     headers={"Content-Type": "image/jpeg"})
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.loads(response.read())
    return sorted(list(map(int, d["box"])) for d in answer["detections"])


# --- closed loop: wrk, as bench/service_knee.py runs it -------------------------------------------------------------

class Closed:
    """One wrk run (service_knee.run_wrk) at a number of connections, with what it cost in CPU."""

    def __init__(self, side, connections, seconds, image):
        self.connections = connections
        self.load = os.getloadavg()[0]  # the machine is shared: what else ran shows here
        service_before, client_before = side.cpu_seconds(), service_knee.children_cpu_seconds()
        r = service_knee.run_wrk(f"{side.url}/v1/detect", connections, seconds, image)
        self.service_cores = (side.cpu_seconds() - service_before) / (r["duration_us"] / 1e6)
        self.client_cores = (service_knee.children_cpu_seconds() - client_before) / (r["duration_us"] / 1e6)
        self.seconds = r["duration_us"] / 1e6
        self.responses = r["requests"]
        service_knee.count_statuses(self, r)
        self.p50 = percentile(self.times, 50)

    def row(self, label, reference=None):
        ratio = "" if reference is None else f" {self.ok / reference.ok:.2f} |" if reference.ok else " n/a |"
        return (f"| {label} | {self.connections} | {self.ok:.1f} |{ratio} {self.shed:.1f} | {self.other} | "
                f"{self.socket_errors} | {len(self.times)} | {self.p50:.1f} | {self.p99:.1f} | "
                f"{self.times[-1] if self.times else float('nan'):.1f} | {self.service_cores:.2f} | "
                f"{self.client_cores:.2f} | {self.load:.2f} |")


# --- open model: a fixed rate from an asyncio client ----------------------------------------------------------------

class Open:
    """Requests at a fixed rate for `seconds`; latency from each request's due time."""

    def __init__(self, side, rate, seconds, body, max_connections, timeout=10.0):
        self.rate, self.seconds = rate, seconds
        self.load = os.getloadavg()[0]
        host, port = side.url.split("//", 1)[1].rsplit(":", 1)
        service_before = side.cpu_seconds()
        usage = resource.getrusage(resource.RUSAGE_SELF)
        client_before = usage.ru_utime + usage.ru_stime
        records, span = asyncio.run(open_loop(host, int(port), body, rate, seconds, max_connections, timeout))
        usage = resource.getrusage(resource.RUSAGE_SELF)
        self.client_cores = (usage.ru_utime + usage.ru_stime - client_before) / span
        self.service_cores = (side.cpu_seconds() - service_before) / span
        self.sent = len(records)
        statuses = {}
        for outcome, _, _ in records:
            statuses[outcome] = statuses.get(outcome, 0) + 1
        self.ok_count = statuses.pop(200, 0)
        self.achieved = self.ok_count / span
        self.other = ", ".join(f"{n} x {outcome}" for outcome, n in sorted(statuses.items(), key=str)) or "0"
        self.times = sorted(latency for outcome, latency, _ in records if outcome == 200)
        self.p50, self.p99 = percentile(self.times, 50), percentile(self.times, 99)
        lags = sorted(lag for _, _, lag in records if lag is not None)
        self.lag_p99, self.lag_max = percentile(lags, 99), (lags[-1] if lags else float("nan"))
        self.span = span


async def open_loop(host, port, body, rate, seconds, max_connections, timeout):
    """Returns ([(status or error name, latency ms from due time or None, send lag ms or None)], seconds from the
    first due time to the last response)."""
    loop = asyncio.get_running_loop()
    payload = (f"POST /v1/detect HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: image/jpeg\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    idle = []  # keep-alive connections, most recently used last
    slots = asyncio.Semaphore(max_connections)
    records = []
    last_done = [loop.time()]

    async def exchange(connection):
        reader, writer = connection
        writer.write(payload)
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = {}
        for line in head[1:]:
            if ":" in line:
                key, value = line.split(":", 1)
                headers[key.strip().lower()] = value.strip().lower()
        if headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await reader.readexactly(size + 2)
                if size == 0:
                    break
        else:
            await reader.readexactly(int(headers.get("content-length", "0")))
        return status, headers.get("connection") != "close" and not head[0].startswith("HTTP/1.0")

    async def one(due):
        async with slots:
            lag = (loop.time() - due) * 1000
            connection = None
            try:
                for attempt in range(2):
                    reused = bool(idle)
                    connection = idle.pop() if reused else await asyncio.open_connection(host, port)
                    try:
                        status, keep = await exchange(connection)
                        break
                    except (asyncio.IncompleteReadError, ConnectionError):
                        connection[1].close()
                        connection = None
                        if not reused or attempt:  # only a stale keep-alive connection is retried, once
                            raise
                done = loop.time()
                last_done[0] = max(last_done[0], done)
                if keep:
                    idle.append(connection)
                else:
                    connection[1].close()
                records.append((status, (done - due) * 1000, lag))
            except BaseException:
                if connection is not None:
                    connection[1].close()
                raise

    async def bounded(due):
        try:
            await asyncio.wait_for(one(due), timeout)
        except asyncio.TimeoutError:
            records.append(("timeout", None, None))
        except Exception as e:  # noqa: BLE001 - every failure is counted by its kind
            records.append((type(e).__name__, None, None))

    start = loop.time() + 0.1
    tasks = []
    for k in range(round(rate * seconds)):
        due = start + k / rate
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(loop.create_task(bounded(due)))
    await asyncio.gather(*tasks)
    for _, writer in idle:
        writer.close()
    return records, max(last_done[0] - start, seconds)


# --- the report ---------------------------------------------------------------------------------------------------

def machine():
    model = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return f"nproc {nproc}, {model}, {platform.system()} {platform.release()}"


def loadavg():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


CLOSED_HEADER = ("| run | connections | 200/s | 503/s | other statuses | socket errors | 200s timed | 200 p50 ms "
                 "| 200 p99 ms | 200 max ms | cores: service | cores: wrk | load before |")
CLOSED_RULE = "|---|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"
OVERLOAD_HEADER = ("| run | connections | 200/s | x knee | 503/s | other statuses | socket errors | 200s timed "
                   "| 200 p50 ms | 200 p99 ms | 200 max ms | cores: service | cores: wrk | load before |")
OVERLOAD_RULE = "|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"


def sustained_capacity(sweep, knee):
    """Median 200s/s of the knee level and every level after it: what the side sustains once saturated."""
    plateau = sorted(level.ok for level in sweep[sweep.index(knee):])
    middle = len(plateau) // 2
    return plateau[middle] if len(plateau) % 2 else (plateau[middle - 1] + plateau[middle]) / 2


def ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ours", default=os.path.join(ROOT, ".build/release/targetservice"),
                        help="the targetservice binary (release)")
    parser.add_argument("--seconds", type=int, default=10, help="length of every closed-loop (wrk) run")
    parser.add_argument("--levels", default="1,2,3,4,6,8", help="connections of the knee sweep")
    parser.add_argument("--overload", default="4,16", help="multiples of each side's knee connections ('' for none)")
    parser.add_argument("--image", default="grace_hopper.jpg",
                        help="a fixture in Tests/TargetServiceTests/Fixtures/images, or a path")
    parser.add_argument("--open-seconds", type=int, default=None,
                        help="length of the fixed-rate run at 80 %% of the knee (default: 2x --seconds)")
    parser.add_argument("--open-connections", type=int, default=64,
                        help="most connections the fixed-rate client opens at once")
    parser.add_argument("--peer-workers", type=int, default=2, help="gunicorn sync workers (the seed ran 2)")
    args = parser.parse_args()
    open_seconds = args.open_seconds or 2 * args.seconds
    image = args.image if os.path.exists(args.image) else os.path.join(ROOT, "Tests/TargetServiceTests/Fixtures/images",
                                                                        args.image)
    if not os.path.exists(args.ours):
        sys.exit(f"{args.ours} not found: build it first with `swift build -c release`")
    for tool in ("wrk",):
        if subprocess.run(["which", tool], capture_output=True).returncode:
            sys.exit(f"{tool} is not installed: run `make bench-setup`")
    with open(image, "rb") as f:
        body = f.read()
    levels = [int(c) for c in args.levels.split(",")]
    factors = [int(f) for f in args.overload.split(",")] if args.overload else []
    ensure_venv()

    command_line = "python3 " + " ".join(shlex.quote(a) for a in sys.argv)
    load_at_start = loadavg()
    ours, peer = Ours(args.ours), Peer(args.peer_workers)
    sides = [ours, peer]
    try:
        for side in sides:
            side.start()
        print(f"# targetservice vs the seed's stack (Flask + OpenCV, gunicorn -w {args.peer_workers})")
        print()
        print(f"- date: {time.strftime('%Y-%m-%d %H:%M:%S %Z')}")
        print(f"- machine: {machine()}")
        print(f"- command: `{command_line}`")
        print(f"- image: {os.path.basename(image)} ({len(body)} bytes), POST /v1/detect, Content-Type image/jpeg")
        print(f"- ours: `{' '.join([os.path.relpath(args.ours, ROOT), *ours.command[1:]])}` (default workers)")
        print(f"- peer: `{' '.join([os.path.relpath(peer.command[0], ROOT), *peer.command[1:]])}` "
              f"({venv_versions()}, cv2.setNumThreads(1), Python {platform.python_version()} here)")
        print(f"- load average (1, 5, 15 min) at start: {load_at_start}")
        print()

        # Correctness, once per side.
        found = {side.name: boxes(side, body) for side in sides}
        for name, side_boxes in found.items():
            print(f"- boxes from {name}: {side_boxes}")
        if found[ours.name] != found[peer.name]:
            print("- WARNING: the two sides found different boxes (a box a pixel or two apart is expected: the seed "
                  "decodes to BGR and converts with cv2.cvtColor, ours decodes the JPEG's luma plane directly, like "
                  "cv2.imread(IMREAD_GRAYSCALE), and the two grays differ by rounding in some pixels)")
        print()
        sys.stdout.flush()

        # Warm up both (caches, allocator, gunicorn's workers).
        for side in sides:
            service_knee.run_wrk(f"{side.url}/v1/detect", 2, 2, image)

        # 1. Knee sweep, levels alternating between the sides.
        sweeps = {side.name: [] for side in sides}
        print(f"## 1. Knee sweep: wrk -tN -cN -d{args.seconds}s (closed loop)")
        print()
        print(CLOSED_HEADER.replace("| run |", "| side |"))
        print(CLOSED_RULE)
        for connections in levels:
            for side in sides:
                level = Closed(side, connections, args.seconds, image)
                sweeps[side.name].append(level)
                print(level.row(side.name), flush=True)
        knees = {name: knee_of(sweep) for name, sweep in sweeps.items()}
        capacities = {name: sustained_capacity(sweeps[name], knee) for name, knee in knees.items()}
        print()
        for name, knee in knees.items():
            print(f"- knee of {name}: {knee.ok:.1f} detections/s at {knee.connections} connections "
                  f"(200 p99 {knee.p99:.1f} ms); sustained capacity (median of the plateau) "
                  f"{capacities[name]:.1f}/s")
        print()

        # 2. Fixed rate at 80 % of each side's own sustained capacity.
        opens = {}
        print(f"## 2. Open model: fixed rate at 80 % of each side's sustained capacity for {open_seconds} s "
              f"(asyncio client, at most {args.open_connections} connections)")
        print()
        print("| side | target/s | sent | 200s | 200/s achieved | other outcomes | 200 p50 ms | 200 p99 ms "
              "| 200 max ms | client send lag p99 / max ms | cores: service | cores: client | load before |")
        print("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
        for side in sides:
            rate = 0.8 * capacities[side.name]
            run = Open(side, rate, open_seconds, body, args.open_connections)
            opens[side.name] = run
            print(f"| {side.name} | {rate:.1f} | {run.sent} | {run.ok_count} | {run.achieved:.1f} | {run.other} | "
                  f"{run.p50:.1f} | {run.p99:.1f} | {run.times[-1] if run.times else float('nan'):.1f} | "
                  f"{run.lag_p99:.1f} / {run.lag_max:.1f} | {run.service_cores:.2f} | {run.client_cores:.2f} | "
                  f"{run.load:.2f} |", flush=True)
        print()

        # 3. Overload: each multiple right after a fresh knee run of the same side.
        overloads = {side.name: {} for side in sides}
        if factors:
            print(f"## 3. Goodput under overload: wrk at multiples of each side's knee connections, {args.seconds} s "
                  f"each, each after that side's knee again")
            print()
            print(OVERLOAD_HEADER.replace("| run |", "| side: run |"))
            print(OVERLOAD_RULE)
            for factor in factors:
                for side in sides:
                    knee = knees[side.name]
                    reference = Closed(side, knee.connections, args.seconds, image)
                    print(reference.row(f"{side.name}: knee again", reference), flush=True)
                    level = Closed(side, knee.connections * factor, args.seconds, image)
                    print(level.row(f"{side.name}: {factor}x", reference), flush=True)
                    overloads[side.name][factor] = (reference, level)
            print()

        # Summary.
        o, p = ours.name, peer.name
        ko, kp = knees[o], knees[p]
        print("## Side by side")
        print()
        print(f"| | ours ({o}) | peer ({p}) | ours/peer |")
        print("|---|---:|---:|---:|")
        print(f"| knee: detections/s (200s) | {ko.ok:.1f} | {kp.ok:.1f} | {ratio(ko.ok, kp.ok)} |")
        print(f"| sustained capacity (plateau median) 200/s | {capacities[o]:.1f} | {capacities[p]:.1f} | "
              f"{ratio(capacities[o], capacities[p])} |")
        print(f"| knee: connections | {ko.connections} | {kp.connections} | |")
        print(f"| knee: 200 p99 ms | {ko.p99:.1f} | {kp.p99:.1f} | {ratio(ko.p99, kp.p99)} |")
        oo, op = opens[o], opens[p]
        print(f"| 80 % of capacity: target / achieved 200/s | {oo.rate:.1f} / {oo.achieved:.1f} | "
              f"{op.rate:.1f} / {op.achieved:.1f} | {ratio(oo.achieved, op.achieved)} |")
        print(f"| 80 % of capacity: 200 p50 ms | {oo.p50:.1f} | {op.p50:.1f} | {ratio(oo.p50, op.p50)} |")
        print(f"| 80 % of capacity: 200 p99 ms | {oo.p99:.1f} | {op.p99:.1f} | {ratio(oo.p99, op.p99)} |")
        for factor in factors:
            (ro, lo), (rp, lp) = overloads[o][factor], overloads[p][factor]
            print(f"| goodput {factor}x: connections | {lo.connections} | {lp.connections} | |")
            print(f"| goodput {factor}x: 200/s | {lo.ok:.1f} | {lp.ok:.1f} | {ratio(lo.ok, lp.ok)} |")
            print(f"| goodput {factor}x: x own knee (run right before) | {lo.ok / ro.ok if ro.ok else float('nan'):.3f} "
                  f"| {lp.ok / rp.ok if rp.ok else float('nan'):.3f} | |")
            print(f"| goodput {factor}x: 503/s | {lo.shed:.1f} | {lp.shed:.1f} | |")
            print(f"| goodput {factor}x: other statuses | {lo.other} | {lp.other} | |")
            print(f"| goodput {factor}x: socket errors | {lo.socket_errors} | {lp.socket_errors} | |")
            print(f"| goodput {factor}x: 200 p99 ms | {lo.p99:.1f} | {lp.p99:.1f} | {ratio(lo.p99, lp.p99)} |")
        print()
        print("## Goals")
        print()
        failed = False
        knee_ratio = ko.ok / kp.ok if kp.ok else float("inf")
        verdict = "PASS" if knee_ratio >= 2.5 else "FAIL"
        failed |= verdict == "FAIL"
        print(f"- {verdict}: our knee >= 2.5x the peer's: {ko.ok:.1f} / {kp.ok:.1f} = {knee_ratio:.2f}x")
        for factor in factors:
            (ro, lo), (rp, lp) = overloads[o][factor], overloads[p][factor]
            ours_holds = ro.ok > 0 and lo.ok >= 0.9 * ro.ok
            peer_holds = rp.ok > 0 and lp.ok >= 0.9 * rp.ok
            detail = (f"ours {lo.ok / ro.ok if ro.ok else float('nan'):.3f}x its knee, peer "
                      f"{lp.ok / rp.ok if rp.ok else float('nan'):.3f}x its knee (holds = >= 0.9x)")
            if not peer_holds:
                print(f"- n/a: no goodput collapse at {factor}x where the peer's holds: the peer's collapses; {detail}")
            else:
                verdict = "PASS" if ours_holds else "FAIL"
                failed |= verdict == "FAIL"
                print(f"- {verdict}: no goodput collapse at {factor}x where the peer's holds: {detail}")
        print()
        print(f"- load average (1, 5, 15 min) at start: {load_at_start}; at end: {loadavg()}")
        sys.stdout.flush()
        sys.exit(1 if failed else 0)
    finally:
        for side in sides:
            side.stop()


if __name__ == "__main__":
    main()
