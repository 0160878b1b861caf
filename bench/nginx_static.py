"""A throwaway nginx serving one static file on a loopback port, for the load-generator benchmarks."""
import os
import shutil
import socket
import subprocess
import tempfile
import time

INDEX = b"<!doctype html><title>bench</title>" + b"x" * 576  # 612 bytes, like nginx's default page


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NginxStatic:
    """Starts nginx (one worker, access log off unless asked for) with its own config in a temp dir; stops it by PID.

    With `access_log=True`, every request is logged to `self.access_log` as `$msec $request_time $status
    $request_uri`: the wall-clock time nginx logged it (seconds with millisecond resolution, taken from nginx's
    time cache, which it refreshes every time epoll returns), how long it took, the status and the path with query.
    The log is buffered (64 KiB, flushed every 100 ms) so that logging costs nginx little at 10,000 req/s.

    `http_directives` overrides or adds directives of the `http {}` block, e.g. `{"keepalive_requests": "100"}`:
    by default connections are kept alive as long as a benchmark runs.
    """

    def __init__(self, workers=1, access_log=False, http_directives=None):
        if shutil.which("nginx") is None:
            raise SystemExit("nginx is not installed: run `make bench-setup` (installs nginx-light, hey, wrk)")
        self.dir = tempfile.mkdtemp(prefix="bench-nginx-")
        # Started as root, nginx's worker runs as an unprivileged user: it must be able to read the file.
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        os.makedirs(os.path.join(self.dir, "www"))
        with open(os.path.join(self.dir, "www", "index.html"), "wb") as f:
            f.write(INDEX)
        os.chmod(os.path.join(self.dir, "www"), 0o755)
        os.chmod(os.path.join(self.dir, "www", "index.html"), 0o644)
        self.access_log = os.path.join(self.dir, "access.log") if access_log else None
        log_directives = (f"log_format arrivals '$msec $request_time $status $request_uri';\n"
                          f"    access_log {self.access_log} arrivals buffer=64k flush=100ms;"
                          if access_log else "access_log off;")
        directives = {"keepalive_requests": "1000000", "keepalive_timeout": "120s", **(http_directives or {})}
        directive_lines = "\n    ".join(f"{name} {value};" for name, value in directives.items())
        conf = os.path.join(self.dir, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""
worker_processes {workers};
daemon off;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    {log_directives}
    {directive_lines}
    client_body_temp_path {self.dir}/body;
    proxy_temp_path {self.dir}/proxy;
    fastcgi_temp_path {self.dir}/fastcgi;
    uwsgi_temp_path {self.dir}/uwsgi;
    scgi_temp_path {self.dir}/scgi;
    server {{
        listen 127.0.0.1:{self.port} reuseport;
        root {self.dir}/www;
        location / {{ }}
    }}
}}
""")
        self.process = subprocess.Popen(["nginx", "-c", conf, "-p", self.dir], stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        else:
            self.stop()
            raise SystemExit("nginx did not start listening within 10 s")
        self.url = f"http://127.0.0.1:{self.port}/index.html"
        # Every generator must be measured on real 200 responses, not on fast error pages.
        import urllib.request
        with urllib.request.urlopen(self.url, timeout=5) as response:
            if response.status != 200 or response.read() != INDEX:
                self.stop()
                raise SystemExit(f"nginx answered {response.status} for {self.url}, not the static file")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM to the master it started; it stops its worker
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def read_log_from(self, offset, quiet_seconds=0.5, timeout=5.0):
        """The access-log lines written after byte `offset`, once the log has stopped growing for `quiet_seconds`
        (nginx flushes its buffer every 100 ms); returns (lines, new offset). Waits at most `timeout` seconds."""
        deadline = time.time() + timeout
        size, stable_since = -1, time.time()
        while time.time() < deadline:
            current = os.path.getsize(self.access_log) if os.path.exists(self.access_log) else 0
            if current != size:
                size, stable_since = current, time.time()
            elif time.time() - stable_since >= quiet_seconds:
                break
            time.sleep(0.05)
        with open(self.access_log, "rb") as f:
            f.seek(offset)
            data = f.read(max(0, size - offset))
        # A line still being written has no newline yet: leave it for the next read.
        end = data.rfind(b"\n") + 1
        return data[:end].decode("ascii", "replace").splitlines(), offset + end

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
