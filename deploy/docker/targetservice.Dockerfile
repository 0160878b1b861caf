# The bundled detection service as an image: built in the official Swift image, run on slim Debian with only the
# runtime libraries and the five cascades the built-in model catalog uses.
#   docker build -f deploy/docker/targetservice.Dockerfile -t targetservice --build-arg VERSION=$(git describe --always) .
#   docker run --rm -p 8080:8080 -v targetservice-data:/data targetservice
ARG SWIFT_VERSION=6.3

FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg-dev libsqlite3-dev libcurl4-openssl-dev opencv-data \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The manifest names every target, tests included, so their folders come along; .dockerignore keeps the rest out.
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
# The web pages' templates ship as a resource bundle beside the binary.
RUN swift build -c release --product targetservice --static-swift-stdlib \
    && bin="$(swift build -c release --show-bin-path)" \
    && mkdir -p /out \
    && cp -R "$bin/targetservice" "$bin/loadgen_TargetService.resources" /out/

FROM debian:bookworm-slim
ARG VERSION=dev
ARG SOURCE=https://github.com/example/loadgen
LABEL org.opencontainers.image.title="targetservice" \
      org.opencontainers.image.description="Object-detection service (OpenCV's Viola-Jones cascades, evaluated in Swift)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="${SOURCE}"
# tini is PID 1 and hands SIGTERM to the service, which drains in-flight detections before it exits; curl is for the
# health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg62-turbo libsqlite3-0 ca-certificates tini curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /data --no-create-home targetservice \
    && install -d -o targetservice -g targetservice /data
COPY --from=build /usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml \
     /usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml \
     /usr/share/opencv4/haarcascades/haarcascade_fullbody.xml \
     /usr/share/opencv4/haarcascades/haarcascade_frontalcatface.xml \
     /usr/share/opencv4/haarcascades/
COPY --from=build /usr/share/opencv4/lbpcascades/lbpcascade_frontalface_improved.xml /usr/share/opencv4/lbpcascades/
COPY --from=build /out/ /usr/local/bin/
USER 10001:10001
# The model registry, detection log and backups: keep it on a volume.
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["tini", "--", "targetservice", "serve"]
CMD ["--host", "0.0.0.0", "--port", "8080", "--data", "/data", "--shutdown-delay", "5s", "--drain-timeout", "20s"]
