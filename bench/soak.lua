-- wrk script for bench/soak.sh and bench/fairness.sh. With TOKENS set (comma-separated API tokens), POSTs an
-- activity as each token's user in turn; without, requests the URL given to wrk (with the headers given by -H).
-- Prints one line: requests, non-2xx answers, requests per second, latency p50 / p90 / p95 / p99 in ms.
local tokens = {}
for token in string.gmatch(os.getenv("TOKENS") or "", "[^,]+") do table.insert(tokens, token) end
local body = '{"type":"CALL","subject":"Follow-up call on the proposal","direction":"OUTBOUND","durationMinutes":15}'
local sent = 0

if #tokens > 0 then
  request = function()
    sent = sent + 1
    return wrk.format("POST", nil, { ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. tokens[(sent % #tokens) + 1] }, body)
  end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d non2xx %d rps %.1f p50 %.1f p90 %.1f p95 %.1f p99 %.1f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
