# The load generator as an image, with the shipped scenarios and payloads and the entry point of a split run's pods
# (loadgen-segment, deploy/k8s/loadgen-job). Built in the official Swift image, run on slim Debian.
#   docker build -f deploy/docker/loadgen.Dockerfile -t loadgen --build-arg VERSION=$(git describe --always) .
#   docker run --rm -v "$PWD/results:/results" loadgen run scenarios/baseline.yaml --target http://host.docker.internal:8080 \
#       --db /results/loadgen.sqlite --report /results/baseline.html
ARG SWIFT_VERSION=6.3

FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg-dev libsqlite3-dev libcurl4-openssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
# The report's templates ship as a resource bundle beside the binary.
RUN swift build -c release --product loadgen --static-swift-stdlib \
    && bin="$(swift build -c release --show-bin-path)" \
    && mkdir -p /out \
    && cp -R "$bin/loadgen" "$bin/loadgen_Reports.resources" /out/

FROM debian:bookworm-slim
ARG VERSION=dev
ARG SOURCE=https://github.com/example/loadgen
LABEL org.opencontainers.image.title="loadgen" \
      org.opencontainers.image.description="Load, performance and chaos harness for HTTP services" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE}"
# tini is PID 1 so Ctrl-C and SIGTERM reach loadgen, which stops the load, reverts faults and saves what it measured.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-0 libcurl4 ca-certificates tini \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /work --no-create-home loadgen \
    && install -d -o loadgen -g loadgen /work /results
COPY --from=build /out/ /usr/local/bin/
COPY scripts/loadgen-segment.sh /usr/local/bin/loadgen-segment
COPY scenarios /work/scenarios
WORKDIR /work
USER 10001:10001
# Results databases and reports: mount a volume (a ReadWriteMany one for split runs).
VOLUME ["/results"]
# A batch tool, not a server: nothing to probe.
HEALTHCHECK NONE
ENTRYPOINT ["tini", "--", "loadgen"]
CMD ["--help"]
