-- wrk script: each request takes the next of a few filtered event queries, as a map and a table page would ask.
local paths = {
  "/api/v1/events?from=2020-01-01&to=2020-12-31&limit=100",
  "/api/v1/events?bbox=46.5,39.5,47.0,40.0&limit=100",
  "/api/v1/events?type=acled:Battles&actor=armed-forces-azerbaijan&limit=100",
  "/api/v1/events?from=2023-09-01&to=2023-09-30&type=acled:Explosions/Remote%20violence&limit=100",
  "/api/v1/events/aggregate?by=month&from=2018-01-01&to=2025-12-31",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("requests %d in %.1f s: %.0f/s; errors %d (non-2xx %d)\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), errors, summary.errors.status))
  io.write(string.format("latency: median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
