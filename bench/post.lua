-- wrk script: POST the body file named by BODY with the token named by TOKEN; counts answers by status.
local body_file = os.getenv("BODY")
local f = assert(io.open(body_file, "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Token " .. os.getenv("TOKEN")

statuses = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, n in pairs(s) do
      counts[code] = (counts[code] or 0) + n
    end
  end
  local parts = {}
  for code, n in pairs(counts) do
    table.insert(parts, code .. "=" .. n)
  end
  io.write(string.format("STATUS %s\n", table.concat(parts, ",")))
  io.write(string.format("LATENCY p50=%.2f p99=%.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
