-- A mix of what parents do, for the memory bench. Each line of the file named by
-- BENCH_MIX is "GET PATH [CODE]" or "POST PATH CODE BODY"; each thread walks the list
-- and stops after BENCH_PER_THREAD responses.
local mix = {}
for line in io.lines(os.getenv("BENCH_MIX")) do
  local method, path, code, body = line:match("(%S+)%s+(%S+)%s*(%S*)%s*(%S*)")
  mix[#mix + 1] = { method = method, path = path, code = code, body = body }
end
local secret = "benchbenchbenchbenchbenchbench00"
local limit = tonumber(os.getenv("BENCH_PER_THREAD"))
local next_item, answered = 1, 0

function init(args)
  next_item = math.random(#mix)
end

function request()
  local item = mix[next_item]
  next_item = next_item % #mix + 1
  local headers = { ["Cookie"] = "csrftoken=" .. secret }
  if item.code ~= "" then headers["Cookie"] = headers["Cookie"] .. "; samspel_code=own." .. item.code end
  if item.method == "POST" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    headers["X-CSRFToken"] = secret
    return wrk.format("POST", item.path, headers, item.body)
  end
  return wrk.format("GET", item.path, headers)
end

function response(status, headers, body)
  answered = answered + 1
  if answered >= limit then wrk.thread:stop() end
end
