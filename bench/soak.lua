-- wrk script for bench/soak.sh: every connection walks the same cycle of requests against the mock in Paynet mode,
-- one request at a time (soak.sh runs one connection per wrk thread), and checks each answer's status (and, where
-- it matters, its code). The session ids come from the connection's own Auth answers.
--
-- The cycle, two sessions interleaved: Auth storing the card -> save_card with card_desc -> charge (0) -> charge
-- again (100) -> save_card on the used session (17); Auth -> save_card without card_desc -> hosted page GET ->
-- hosted page POST -> charge (is_save_card_succeed: true); invalid requests (malformed JSON, no key, wrong
-- content type, unknown path, missing field, unknown session); Prefer: code=500 (the spec's declared 500) and
-- Prefer: example=.
local json = "application/json"
local key = "Basic soak-key"

local function post(path, body, extra)
  local headers = {["Content-Type"] = json, ["Authorization"] = key}
  for name, value in pairs(extra or {}) do headers[name] = value end
  return wrk.format("POST", path, headers, body)
end

local function form_encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local state = {a = "js_missing", b = "js_missing", n = 0}

-- Each step: name, request builder, accepted statuses, optional body check, optional capture of the session id.
-- A status set lists what the spec may answer: a violation gets the spec's own 400 or 422 example when it declares
-- one (as Prism does), else the problem status (415, 422).
-- wrk builds one request per thread that it never sends (its first call of request()): the cycle starts with a
-- step that needs no session, so that the first Auth is really sent.
local steps = {
  {"unknown path", function() return wrk.format("GET", "/v1/nothing/here") end, {404}},
  {"auth storing the card", function() state.n = state.n + 1
     return post("/v1/paynetj/auth", string.format(
       '{"amount":1000,"save_card":true,"card_desc":"is kartim","user_unique_id":"SOAK-%d"}', state.n % 50)) end,
   {200}, '"code":0', "a"},
  {"malformed JSON", function() return post("/v1/paynetj/save_card", '{"session_id":') end, {400}},
  {"auth", function() return post("/v1/paynetj/auth", '{"amount":1000,"user_unique_id":"SOAK-PAGE"}') end,
   {200}, '"code":0', "b"},
  {"no key", function()
     return wrk.format("POST", "/v1/paynetj/save_card", {["Content-Type"] = json}, '{"session_id":"js_x"}') end,
   {401}},
  {"save_card with card_desc", function()
     return post("/v1/paynetj/save_card", '{"session_id":"' .. state.a .. '","card_desc":"onur ozdemir"}') end,
   {200}, '"code":0'},
  {"save_card without card_desc", function()
     return post("/v1/paynetj/save_card", '{"session_id":"' .. state.b .. '"}') end,
   {200}, '"code":0'},
  {"charge", function()
     return post("/v1/transaction/charge", '{"session_id":"' .. state.a .. '","token_id":"tok_1","transaction_type":1}') end,
   {200}, '"code":0,'},
  {"hosted page GET", function()
     return wrk.format("GET", "/__paynet/hosted-page?session_id=" .. form_encode(state.b)) end,
   {200}},
  {"charge again", function()
     return post("/v1/transaction/charge", '{"session_id":"' .. state.a .. '","token_id":"tok_1","transaction_type":1}') end,
   {200}, '"code":100'},
  {"hosted page POST", function()
     return wrk.format("POST", "/__paynet/hosted-page",
       {["Content-Type"] = "application/x-www-form-urlencoded"},
       "session_id=" .. form_encode(state.b) .. "&card_desc=Soak+kart&agreement=accepted&action=save") end,
   {200}},
  {"save_card on a used session", function()
     return post("/v1/paynetj/save_card", '{"session_id":"' .. state.a .. '","card_desc":"x"}') end,
   {400}, '"result_code":17'},
  {"charge after the hosted page", function()
     return post("/v1/transaction/charge", '{"session_id":"' .. state.b .. '","token_id":"tok_2","transaction_type":1}') end,
   {200}, '"is_save_card_succeed":true'},
  {"wrong content type", function()
     return wrk.format("POST", "/v1/paynetj/save_card", {["Content-Type"] = "text/plain", ["Authorization"] = key},
       '{"session_id":"js_x"}') end,
   {400, 415}},
  {"missing field", function() return post("/v1/paynetj/save_card", '{"card_desc":"x"}') end, {400, 422}},
  {"unknown session", function()
     return post("/v1/paynetj/save_card", '{"session_id":"js_never_given_out","card_desc":"x"}') end,
   {400}, '"result_code":13'},
  {"Prefer: code=500", function()
     return post("/v1/paynetj/save_card", '{"session_id":"js_x","card_desc":"x"}', {["Prefer"] = "code=500"}) end,
   {500}},
  {"Prefer: example=usedSession", function()
     return post("/v1/paynetj/save_card", '{"session_id":"js_x","card_desc":"x"}', {["Prefer"] = "example=usedSession"}) end,
   {200, 400}},
}

local step = 0
local current = nil
local counts = {requests = 0, unexpected_status = 0, unexpected_5xx = 0, wrong_body = 0}
local first_problem = ""

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function request()
  step = step % #steps + 1
  current = steps[step]
  return current[2]()
end

function response(status, headers, body)
  counts.requests = counts.requests + 1
  local accepted = false
  for _, s in ipairs(current[3]) do if s == status then accepted = true end end
  if not accepted then
    if status >= 500 then counts.unexpected_5xx = counts.unexpected_5xx + 1
    else counts.unexpected_status = counts.unexpected_status + 1 end
    if first_problem == "" then first_problem = current[1] .. " -> " .. status .. " " .. (body or ""):sub(1, 160) end
  elseif current[4] and not (body or ""):find(current[4], 1, true) then
    counts.wrong_body = counts.wrong_body + 1
    if first_problem == "" then first_problem = current[1] .. " -> " .. (body or ""):sub(1, 160) end
  end
  if current[5] then
    local id = (body or ""):match('"session_id":"([^"]+)"')
    if id then state[current[5]] = id end
  end
  -- wrk reads these from each thread's own Lua state in done().
  checked, unexpected_status, unexpected_5xx, wrong_body, problem =
    counts.requests, counts.unexpected_status, counts.unexpected_5xx, counts.wrong_body, first_problem
end

function done(summary, latency, requests)
  local total = {checked = 0, unexpected_status = 0, unexpected_5xx = 0, wrong_body = 0}
  local problem = ""
  for _, thread in ipairs(threads) do
    for name, _ in pairs(total) do total[name] = total[name] + (tonumber(thread:get(name)) or 0) end
    local p = thread:get("problem")
    if problem == "" and p and p ~= "" then problem = p end
  end
  local errors = summary.errors
  io.write(string.format(
    "SOAK requests=%d checked=%d unexpected_status=%d unexpected_5xx=%d wrong_body=%d socket_errors=%d " ..
    "connect=%d read=%d write=%d timeout=%d p50_us=%d p99_us=%d\n",
    summary.requests, total.checked, total.unexpected_status, total.unexpected_5xx, total.wrong_body,
    errors.connect + errors.read + errors.write + errors.timeout, errors.connect, errors.read, errors.write,
    errors.timeout, latency:percentile(50), latency:percentile(99)))
  if problem ~= "" then io.write("SOAK first_problem=" .. problem .. "\n") end
end
