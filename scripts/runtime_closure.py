#!/usr/bin/env python3
"""Runtime-closure check of the container images, where no container runtime can run (`make test`).

For each Dockerfile under deploy/docker, the runtime stage's file set is assembled in a directory:

- the Debian packages a `debian:bookworm-slim` base holds (Priority: required, as debootstrap's minbase) and the ones
  the stage's `apt-get install` adds, with their dependencies, fetched with `apt-get download` and unpacked;
- the stage's `COPY --from=build` files: the binaries built with the Dockerfile's linking flag (`--static-swift-stdlib`;
  debug here, which links the same libraries as the image's release build) with their resource bundles, and the
  cascades; its plain `COPY` files from the tree.

Then the program runs from it with `chroot` as the image's non-root uid: the service answers /readyz 200 and one
detection that matches the golden boxes; loadgen answers --help and runs a short scenario against that service with
golden-box checks and writes its report. A library missing from the image would fail here.

Needs root (chroot, mounting /proc and /dev) and the Debian mirror; the packages are cached in .build/runtime-closure.
Usage: python3 scripts/runtime_closure.py [--keep]
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "runtime-closure")
SCRATCH = os.path.join(ROOT, ".build", "static-stdlib")


def run(args, **kwargs):
    return subprocess.run(args, check=True, text=True, **kwargs)


def runtime_stage(dockerfile):
    """(packages, copies from build, copies from the tree, uid) of the Dockerfile's last stage."""
    text = open(dockerfile).read().replace("\\\n", " ")
    stage = re.split(r"^FROM ", text, flags=re.M)[-1]
    packages = []
    for match in re.finditer(r"apt-get install -y --no-install-recommends ([^&\n]+)", stage):
        packages += match.group(1).split()
    from_build, from_tree = [], []
    for line in stage.splitlines():
        words = line.split()
        if not words or words[0] != "COPY":
            continue
        if words[1] == "--from=build":
            from_build.append((words[2:-1], words[-1]))
        else:
            from_tree.append((words[1:-1], words[-1]))
    uid = re.search(r"^USER (\d+)", stage, flags=re.M).group(1)
    return packages, from_build, from_tree, uid


def closure(packages):
    """The packages with every dependency, plus what a bookworm-slim base holds (Priority: required)."""
    available = subprocess.run(["apt-cache", "dumpavail"], capture_output=True, text=True, check=True).stdout
    required = re.findall(r"^Package: (\S+)\n(?:[^\n]+\n)*?Priority: required", available, flags=re.M)
    names = sorted(set(packages) | set(required))
    out = subprocess.run(
        ["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests", "--no-conflicts", "--no-breaks",
         "--no-replaces", "--no-enhances", *names], capture_output=True, text=True, check=True).stdout
    candidates = sorted({line.strip() for line in out.splitlines() if line and not line.startswith(" ")
                         and not line.startswith("<")})
    # Keep real packages of this architecture (virtual ones have no candidate).
    policy = subprocess.run(["apt-cache", "policy", *candidates], capture_output=True, text=True, check=True).stdout
    real = set(re.findall(r"^(\S+):\n\s+Installed: .*\n\s+Candidate: (?!\(none\))", policy, flags=re.M))
    return sorted(real)


def assemble(name, packages, from_build, from_tree, binaries):
    root = os.path.join(WORK, name, "root")
    debs = os.path.join(WORK, "debs")
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    os.makedirs(debs, exist_ok=True)
    wanted = closure(packages)
    missing = [p for p in wanted if not any(f.startswith(p + "_") for f in os.listdir(debs))]
    if missing:
        # The download runs as root: the cache under .build is not readable by apt's sandbox user.
        run(["apt-get", "download", "-q", "-o", "APT::Sandbox::User=root", *missing], cwd=debs, stdout=subprocess.DEVNULL)
    for package in wanted:
        deb = next(f for f in os.listdir(debs) if f.startswith(package + "_"))
        run(["dpkg-deb", "-x", os.path.join(debs, deb), root])
    for sources, destination in from_build:
        for source in sources:
            if source.startswith("/out"):
                for entry in binaries:
                    copy(entry, os.path.join(root, destination.lstrip("/")))
            else:
                copy(source, os.path.join(root, destination.lstrip("/")))
    for sources, destination in from_tree:
        for source in sources:
            copy(os.path.join(ROOT, source), os.path.join(root, destination.lstrip("/")), rename=len(sources) == 1)
    for directory in ("proc", "dev", "tmp", "data", "results", "work"):
        os.makedirs(os.path.join(root, directory), exist_ok=True)
    os.chmod(os.path.join(root, "tmp"), 0o1777)
    print(f"{name}: {len(wanted)} Debian packages unpacked into {root}")
    return root


def copy(source, destination, rename=False):
    """Like COPY: into `destination` when it ends with / (or `rename` is false for a directory), else as it."""
    target = destination
    if destination.endswith("/") or (os.path.isdir(source) and not rename):
        target = os.path.join(destination, os.path.basename(source.rstrip("/")))
    os.makedirs(os.path.dirname(target.rstrip("/")), exist_ok=True)
    if os.path.isdir(source):
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        shutil.copy2(source, target)


class Chroot:
    """/proc and /dev mounted into `root` while it is used; unmounted however the check ends."""

    def __init__(self, root, uid):
        self.root, self.uid = root, uid

    def __enter__(self):
        run(["mount", "-t", "proc", "proc", os.path.join(self.root, "proc")])
        run(["mount", "--rbind", "/dev", os.path.join(self.root, "dev")])
        run(["mount", "--make-rslave", os.path.join(self.root, "dev")])
        for directory in ("data", "results", "work"):
            os.chown(os.path.join(self.root, directory), int(self.uid), int(self.uid))
        return self

    def command(self, *args):
        return ["chroot", f"--userspec={self.uid}:{self.uid}", self.root, *args]

    def __exit__(self, *_):
        subprocess.run(["umount", "-R", os.path.join(self.root, "dev")])
        subprocess.run(["umount", os.path.join(self.root, "proc")])


def golden_boxes():
    golden = json.load(open(os.path.join(ROOT, "scenarios", "payloads", "face-golden.json")))
    return golden["files"]["grace_hopper.jpg"]


def check_service(root, uid):
    with Chroot(root, uid) as jail:
        service = subprocess.Popen(
            jail.command("/usr/local/bin/targetservice", "serve", "--host", "127.0.0.1", "--port", "0", "--data", "/data"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            url = service.stdout.readline().strip()
            if not url.startswith("http"):
                raise SystemExit(f"targetservice did not start from the image's files: {service.stderr.read()}")
            wait_ready(url)
            photo = open(os.path.join(ROOT, "scenarios", "payloads", "images", "grace_hopper.jpg"), "rb").read()
            request = urllib.request.Request(url + "/v1/detect", data=photo, headers={"content-type": "image/jpeg"})
            with urllib.request.urlopen(request, timeout=30) as response:
                boxes = [d["box"] for d in json.load(response)["detections"]]
            if boxes != golden_boxes():
                raise SystemExit(f"detection from the image's files: {boxes}, golden {golden_boxes()}")
            with urllib.request.urlopen(url + "/", timeout=10) as response:
                if response.status != 200:
                    raise SystemExit(f"the web page answered {response.status} (resource bundle missing?)")
            print(f"targetservice: /readyz 200, detection matches the golden boxes {boxes}, web page 200 (uid {uid})")
        finally:
            service.terminate()
            service.wait(30)


def wait_ready(url):
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url}/readyz never answered 200")


def check_loadgen(root, uid, service_root, service_uid):
    with Chroot(service_root, service_uid) as service_jail:
        service = subprocess.Popen(
            service_jail.command("/usr/local/bin/targetservice", "serve", "--host", "127.0.0.1", "--port", "0",
                                 "--data", "/data"), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            url = service.stdout.readline().strip()
            wait_ready(url)
            with Chroot(root, uid) as jail:
                subprocess.run(jail.command("/usr/local/bin/loadgen", "--help"), check=True, stdout=subprocess.DEVNULL)
                scenario = os.path.join(root, "work", "closure.yaml")
                with open(scenario, "w") as f:
                    f.write(f"""name: closure
target: {{ url: "{url}" }}
requests:
  - name: detect
    method: POST
    path: /v1/detect
    headers: {{ content-type: image/jpeg }}
    body: {{ files: scenarios/payloads/images/*.jpg }}
    expect:
      status: 200
      detections: {{ golden: scenarios/payloads/face-golden.json, iou: 0.5 }}
phases:
  - {{ name: steady, duration: 3s, arrival: {{ rate: 3/s }} }}
sla:
  - {{ phase: steady, error_rate: 0%, check_rate: 100% }}
""")
                result = subprocess.run(
                    jail.command("/bin/sh", "-c", "cd /work && /usr/local/bin/loadgen run closure.yaml --quiet "
                                 "--db /results/closure.sqlite --report /results/closure.html"),
                    capture_output=True, text=True)
                if result.returncode != 0 or not os.path.exists(os.path.join(root, "results", "closure.html")):
                    raise SystemExit(f"loadgen from the image's files exited {result.returncode}:\n{result.stdout}\n"
                                     f"{result.stderr}")
            print("loadgen: --help, and a 3 s scenario with golden-box checks passed and wrote its report "
                  f"(uid {uid})")
        finally:
            service.terminate()
            service.wait(30)


def main():
    if os.geteuid() != 0:
        sys.exit("runtime closure: needs root (chroot and mounts)")
    binaries = {}
    for product, bundle in (("targetservice", "loadgen_TargetService.resources"), ("loadgen", "loadgen_Reports.resources")):
        build = subprocess.run(["swift", "build", "--scratch-path", SCRATCH, "--static-swift-stdlib", "--product", product],
                               capture_output=True, text=True)
        if build.returncode != 0:
            sys.exit(f"runtime closure: building {product} with --static-swift-stdlib failed:\n{build.stdout}{build.stderr}")
        bin_path = subprocess.run(["swift", "build", "--scratch-path", SCRATCH, "--show-bin-path"],
                                  capture_output=True, text=True, check=True).stdout.strip()
        binaries[product] = [os.path.join(bin_path, product), os.path.join(bin_path, bundle)]
    roots = {}
    for name in ("targetservice", "loadgen"):
        packages, from_build, from_tree, uid = runtime_stage(os.path.join(ROOT, "deploy", "docker", f"{name}.Dockerfile"))
        roots[name] = (assemble(name, packages, from_build, from_tree, binaries[name]), uid)
    check_service(*roots["targetservice"])
    check_loadgen(*roots["loadgen"], *roots["targetservice"])


if __name__ == "__main__":
    main()
