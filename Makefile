# Two entry points for a fresh Debian machine with the Swift toolchain: `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libjpeg-dev libsqlite3-dev libcurl4-openssl-dev opencv-data wrk curl

.PHONY: setup build release test run bench clean

# Installs only what is missing, so a second run costs nothing and needs no network.
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

run: release
	bash scripts/demo.sh

bench: release
	python3 bench/detector_vs_opencv.py
	python3 bench/service_knee.py

clean:
	rm -rf .build
