-- wrk script: every request is a valid save_card call, so the mock validates it and answers 200.
-- The body is the spec's `withDescription` request example, written by run.sh to BENCH_BODY_FILE.
local body_file = assert(os.getenv("BENCH_BODY_FILE"), "BENCH_BODY_FILE is not set")
local file = assert(io.open(body_file, "rb"))
local body = file:read("*a")
file:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic bench-key"

-- One machine-readable line for run.sh; latencies are in microseconds.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
