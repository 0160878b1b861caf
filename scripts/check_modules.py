#!/usr/bin/env python3
"""Checks the module graph against Package.swift and the sources' imports (run by `make test`).

1. Layering: each project module may import only the project modules listed in ALLOWED below — LoadCore (the
   run's vocabulary, no I/O) imports no other project module and nothing for I/O; Reports reads LoadCore; LoadGen sits
   on LoadCore, Reports and Chaos; nothing imports back up.
2. Declared dependencies are used: every dependency a target declares in Package.swift is imported by one of its
   source files (a dependency nobody imports only slows the build).
3. Imports are declared: every module a source file imports is a dependency of its target, a system module or
   the standard library's.

Prints every problem with the file or target and exits 1 if there is any.
Usage: python3 scripts/check_modules.py
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Project modules each project module may import (test targets are not layered).
ALLOWED = {
    "LoadCore": set(),
    "Reports": {"LoadCore"},
    "Chaos": set(),
    "LoadGen": {"LoadCore", "Reports", "Chaos", "CCurl"},
    "TargetService": {"CJPEG"},
    "loadgen": {"LoadGen", "LoadCore", "Reports", "Chaos"},
    "targetservice": {"TargetService"},
}
# LoadCore is pure: no event loops, no processes, no files, no sockets. Foundation is allowed for its maths and
# formatting (log, String(format:)); its I/O APIs are not, and LOADCORE_FORBIDDEN finds them by name.
LOADCORE_MAY_IMPORT = {"Histogram", "Foundation"}
LOADCORE_FORBIDDEN = re.compile(
    r'\b(FileManager|FileHandle|Process|ProcessInfo|URLSession|Pipe|Thread|DispatchQueue|Date|fopen|socket|'
    r'contentsOf(?:File)?|write\(to|Task\.sleep)\b')
# Modules every target may import without declaring them (the toolchain's).
SYSTEM = {"Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Dispatch", "Glibc",
          "Musl", "Darwin", "Synchronization", "Testing", "XCTest", "_Concurrency", "os", "Android"}
# Modules that come with a declared product under another name.
PROVIDED_BY = {"System": "Subprocess", "SystemPackage": "Subprocess", "UnixSignals": "ServiceLifecycle"}

TARGET = re.compile(r'\.(testTarget|executableTarget|target)\(\s*name:\s*"([^"]+)"(.*?)\n        \),', re.S)
PATH = re.compile(r'path:\s*"([^"]+)"')
DEPENDENCIES = re.compile(r'dependencies:\s*\[(.*?)\]\s*(?:,|\n)', re.S)
PRODUCT = re.compile(r'\.product\(\s*name:\s*"([^"]+)"')
PLAIN = re.compile(r'(?<![\w(:])\s*"([A-Za-z_][\w]*)"')
IMPORT = re.compile(r'^(?:@\w+(?:\([^)]*\))?\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_]\w*)', re.M)


def targets():
    text = open(os.path.join(ROOT, "Package.swift")).read()
    found = []
    for kind, name, body in TARGET.findall(text):
        path = PATH.search(body)
        folder = path.group(1) if path else os.path.join("Tests" if kind == "testTarget" else "Sources", name)
        deps = DEPENDENCIES.search(body + "\n")
        declared = set()
        if deps:
            block = deps.group(1)
            declared |= set(PRODUCT.findall(block))
            declared |= set(re.findall(r'^\s*"([^"]+)"', block, re.M)) | set(re.findall(r'\[\s*"([^"]+)"', block))
            declared |= set(re.findall(r',\s*"([^"]+)"', block))
        found.append((kind, name, folder, declared))
    return found


def imports(folder):
    result = {}
    for directory, _, files in os.walk(os.path.join(ROOT, folder)):
        for file in files:
            if file.endswith(".swift"):
                path = os.path.join(directory, file)
                for module in IMPORT.findall(open(path, encoding="utf-8").read()):
                    result.setdefault(module, []).append(os.path.relpath(path, ROOT))
    return result


def main():
    problems = []
    all_targets = targets()
    project = {name for _, name, _, _ in all_targets}
    for kind, name, folder, declared in all_targets:
        imported = imports(folder)
        if kind != "testTarget" and name in ALLOWED:
            for module, files in sorted(imported.items()):
                if module in project and module not in ALLOWED[name]:
                    problems.append(f"{files[0]}: {name} imports {module}, which the layering does not allow "
                                    f"(allowed: {', '.join(sorted(ALLOWED[name])) or 'no project module'})")
        if name == "LoadCore":
            for module, files in sorted(imported.items()):
                if module not in LOADCORE_MAY_IMPORT and module not in {"Synchronization"}:
                    problems.append(f"{files[0]}: LoadCore imports {module}; it stays free of I/O "
                                    f"(may import: {', '.join(sorted(LOADCORE_MAY_IMPORT))})")
            for directory, _, files in os.walk(os.path.join(ROOT, folder)):
                for file in sorted(files):
                    path = os.path.join(directory, file)
                    for number, line in enumerate(open(path, encoding="utf-8"), 1):
                        code = line.split("//")[0]
                        if match := LOADCORE_FORBIDDEN.search(code):
                            problems.append(f"{os.path.relpath(path, ROOT)}:{number}: LoadCore uses {match.group(1)}; "
                                            f"time, files and processes belong to LoadGen (pass values in instead)")
        provided = {module for module, product in PROVIDED_BY.items() if product in declared}
        for module, files in sorted(imported.items()):
            if module not in declared and module not in SYSTEM and module not in provided and module != name:
                problems.append(f"{files[0]}: imports {module}, which target {name} does not declare in Package.swift")
        for dependency in sorted(declared):
            if dependency not in imported and not any(p == dependency and m in imported for m, p in PROVIDED_BY.items()):
                problems.append(f"Package.swift: target {name} declares {dependency} but none of {folder}/ imports it; "
                                f"remove the dependency")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(f"{len(problems)} module graph problem(s)")
    print(f"module graph OK: {len(all_targets)} targets, layering {', '.join(f'{k} -> {sorted(v)}' for k, v in ALLOWED.items() if v)}")


if __name__ == "__main__":
    main()
