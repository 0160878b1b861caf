#!/usr/bin/env python3
"""What data feeds and placeholders cost the generator: CPU per request, static requests vs templated ones.

Both scenarios send --rate GET requests/s (default 5,000) for --seconds against a static file from nginx (one
worker, release build of loadgen):

- static: `GET /index.html`, pre-encoded once, as every request without placeholders is;
- templated: `GET /index.html?user={{users.id}}&name={{users.name}}&n={{sequence}}` with the headers
  `X-Key: {{uuid}}` and `X-User: {{users.name}}`, a CSV feed of 1,000 users read sequentially: three kinds of
  placeholder rendered per request (a feed row under its lock, a UUID, the sequence).

Rounds alternate (static, templated, static, ...) so drift hits both alike. CPU per request is the loadgen
process's user + system time (wait4) over the requests it sent. Goal: templated within 10 % of static.

Usage: swift build -c release --product loadgen && python3 bench/data_feed_cpu.py [--rate 5000] [--seconds 10]
       [--rounds 3]
"""
import argparse
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from distributed_segments import launch, reap, totals  # noqa: E402
from nginx_static import NginxStatic  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def scenario(workdir, name, url, rate, seconds, templated):
    request = ('{ name: page, method: GET, path: "/index.html?user={{users.id}}&name={{users.name}}&n={{sequence}}", '
               'headers: { x-key: "{{uuid}}", x-user: "{{users.name}}" } }' if templated
               else '{ name: page, method: GET, path: "/index.html" }')
    data = "data: { users: { file: users.csv } }\n" if templated else ""
    path = os.path.join(workdir, f"{name}.yaml")
    with open(path, "w") as f:
        f.write(f"""name: feed-cpu-{name}
target: {{ url: "{url}" }}
{data}requests:
  - {request}
phases:
  - {{ name: steady, duration: {seconds}s, arrival: {{ rate: {rate}/s }} }}
""")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, default=5000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--loadgen", default=os.path.join(ROOT, ".build/release/loadgen"))
    args = parser.parse_args()
    cpu = {"static": [], "templated": []}
    with NginxStatic() as nginx, tempfile.TemporaryDirectory(prefix="bench-feeds-") as workdir:
        with open(os.path.join(workdir, "users.csv"), "w") as f:
            f.write("id,name\n" + "".join(f"{i},user-{i}\n" for i in range(1, 1001)))
        url = nginx.url.rsplit("/", 1)[0]
        files = {kind: scenario(workdir, kind, url, args.rate, args.seconds, kind == "templated") for kind in cpu}
        for index in range(args.rounds):
            for kind, file in files.items():
                database = os.path.join(workdir, f"{kind}-{index}.sqlite")
                code, seconds = reap(launch([args.loadgen, "run", file, "--quiet", "--db", database]))
                sent = totals(database)["sent"]
                per_request = 1e6 * seconds / max(1, sent)
                cpu[kind].append(per_request)
                print(f"{kind} round {index}: sent {sent}, exit {code}, CPU {per_request:.1f} µs/request "
                      f"(load average {os.getloadavg()[0]:.2f})", flush=True)
    static, templated = statistics.median(cpu["static"]), statistics.median(cpu["templated"])
    ratio = templated / static
    print(f"\n{time.strftime('%Y-%m-%d %H:%M %Z')}: {args.rate}/s for {args.seconds} s against nginx (1 worker), "
          f"{args.rounds} rounds each, alternating\n")
    print("| requests | CPU per request, each round | median | vs static |")
    print("|---|---|---:|---:|")
    for kind, values in cpu.items():
        print(f"| {kind} | {', '.join(f'{v:.1f}' for v in values)} µs | {statistics.median(values):.1f} µs | "
              f"{statistics.median(values) / static:.3f}x |")
    print(f"\ngoal: templated within 10 % of static: {'PASS' if ratio <= 1.10 else 'FAIL'} ({ratio:.3f}x)")


if __name__ == "__main__":
    main()
