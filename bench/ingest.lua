-- wrk script: POST an activity as one of several Bench Corp reps in turn; their tokens in TOKENS, comma-separated.
local tokens = {}
for token in string.gmatch(os.getenv("TOKENS"), "[^,]+") do table.insert(tokens, token) end
local body = '{"type":"CALL","subject":"Discovery call with the operations lead","direction":"OUTBOUND","durationMinutes":20}'
local sent = 0

request = function()
  sent = sent + 1
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(sent % #tokens) + 1] }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d non2xx %d rps %.1f p50 %.1f p99 %.1f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
