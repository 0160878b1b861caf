-- wrk script: POST one JPEG (BENCH_IMAGE) to /v1/detect and record every response's status and latency.
--
-- wrk's built-in latency histogram mixes every status and its response() hook carries no time, so this script
-- times requests itself: run wrk with as many threads as connections (-tN -cN). Each thread then drives exactly one
-- connection, its request() and response() calls alternate, and the time between a request() (called just before
-- wrk writes the request) and the next response() (called as the response completes) is that response's latency.
-- Times come from CLOCK_MONOTONIC through LuaJIT's ffi. A request whose connection failed gets no response(); the
-- next request() restarts the clock, and wrk counts the failure among its socket errors.
--
-- Each thread writes "STATUS LATENCY_US" lines to BENCH_RESPONSES_DIR/thread-N.txt (wrk's thread:get cannot copy
-- nested tables back to the main state), and done() prints one SUMMARY line (JSON) with wrk's own counts.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clock_id, bench_timespec *ts);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("bench_timespec")

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local path = os.getenv("BENCH_IMAGE")
local file = assert(io.open(path, "rb"), "BENCH_IMAGE must name a JPEG file")
local body = file:read("*all")
file:close()

wrk.method = "POST"
wrk.path = os.getenv("BENCH_PATH") or "/v1/detect"
wrk.body = body
wrk.headers["Content-Type"] = "image/jpeg"

-- Main state: numbers each thread (setup runs before the thread's init).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

-- Thread states.
local encoded, started, out

function init(args)
  encoded = wrk.format()
  local dir = assert(os.getenv("BENCH_RESPONSES_DIR"), "BENCH_RESPONSES_DIR must name a directory")
  out = assert(io.open(string.format("%s/thread-%d.txt", dir, thread_number), "w"))
  -- Line-buffered, so every recorded response is on disk however wrk exits.
  out:setvbuf("line")
end

function request()
  started = now_us()
  return encoded
end

function response(status, headers, response_body)
  if started then
    out:write(string.format("%d %d\n", status, math.floor(now_us() - started + 0.5)))
    started = nil
  else
    out:write(string.format("%d -\n", status))
  end
end

function done(summary, latency, requests)
  io.write(string.format(
    "SUMMARY {\"requests\":%d,\"duration_us\":%d,\"threads\":%d,\"status_errors\":%d," ..
    "\"socket_errors\":{\"connect\":%d,\"read\":%d,\"write\":%d,\"timeout\":%d}," ..
    "\"wrk_all_statuses_ms\":{\"p50\":%.2f,\"p99\":%.2f,\"max\":%.2f}}\n",
    summary.requests, summary.duration, threads, summary.errors.status,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
