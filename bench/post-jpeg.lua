-- wrk script: POST one JPEG to /v1/detect and print a machine-readable summary line.
local path = os.getenv("BENCH_IMAGE")
local file = assert(io.open(path, "rb"), "BENCH_IMAGE must name a JPEG file")
local body = file:read("*all")
file:close()

wrk.method = "POST"
wrk.path = os.getenv("BENCH_PATH") or "/v1/detect"
wrk.body = body
wrk.headers["Content-Type"] = "image/jpeg"

done = function(summary, latency, requests)
  io.write(string.format(
    "SUMMARY {\"requests\":%d,\"duration_us\":%d,\"non2xx\":%d,\"socket_errors\":%d,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}\n",
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
