-- "Complete lesson" POSTs from many distinct participants. Each line of the file
-- named by BENCH_POSTS is "CODE PAGE_ID"; requests walk the list from a random start.
-- CSRF: the csrftoken cookie and the X-CSRFToken header carry the same secret.
local posts = {}
for line in io.lines(os.getenv("BENCH_POSTS")) do
  local code, page = line:match("(%S+)%s+(%d+)")
  posts[#posts + 1] = { code = code, page = page }
end
local secret = "benchbenchbenchbenchbenchbench00"
local next_post = 1

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  next_post = math.random(#posts)
end

function request()
  local post = posts[next_post]
  next_post = next_post % #posts + 1
  return wrk.format("POST", os.getenv("BENCH_POST_PATH"), {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "samspel_code=own." .. post.code .. "; csrftoken=" .. secret,
    ["X-CSRFToken"] = secret,
  }, "page=" .. post.page)
end
