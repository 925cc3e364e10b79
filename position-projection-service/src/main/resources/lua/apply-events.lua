-- Applies a run of events of one queue to its waiting line, each atomically with its sequence check, in the order
-- given: the same per event as applying them one by one.
-- KEYS[1] last applied sequence, KEYS[2] sorted set of WAITING entries (member entryId, score priority*stride+ticket),
-- KEYS[3] hash entryId -> score of the active (WAITING or CALLED) entries, kept so a requeue or a priority change
--         can rebuild the score without the caller knowing the ticket.
-- ARGV[1] stride; then four arguments per event: sequence, operation, entryId (or ''), score (JOIN) or priority
-- index (PRIORITY) or ''.
-- Returns two values per event: 'APPLY'|'SKIP'|'GAP' and the last applied sequence before it. After a gap, the
-- queue's later events are held back: each is answered 'GAP' and left unapplied.
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local stride = tonumber(ARGV[1])
local lastArg = nil
local stopped = false
local result = {}

local function apply(op, entry, number)
  if op == 'JOIN' then
    redis.call('HSET', KEYS[3], entry, number)
    redis.call('ZADD', KEYS[2], number, entry)
  elseif op == 'CALL' then
    redis.call('ZREM', KEYS[2], entry)
  elseif op == 'FINISH' then
    redis.call('ZREM', KEYS[2], entry)
    redis.call('HDEL', KEYS[3], entry)
  elseif op == 'REQUEUE' then
    local score = redis.call('HGET', KEYS[3], entry)
    if score then
      redis.call('ZADD', KEYS[2], score, entry)
    end
  elseif op == 'PRIORITY' then
    local score = redis.call('HGET', KEYS[3], entry)
    if score then
      local ticket = tonumber(score) % stride
      local moved = string.format('%.0f', tonumber(number) * stride + ticket)
      redis.call('HSET', KEYS[3], entry, moved)
      if redis.call('ZSCORE', KEYS[2], entry) then
        redis.call('ZADD', KEYS[2], moved, entry)
      end
    end
  end
end

for i = 2, #ARGV, 4 do
  local sequence = tonumber(ARGV[i])
  local check
  if stopped then
    check = 'GAP'
  elseif sequence <= last then
    check = 'SKIP'
  elseif sequence ~= last + 1 then
    check = 'GAP'
    stopped = true
  else
    check = 'APPLY'
  end
  result[#result + 1] = check
  result[#result + 1] = last
  if check == 'APPLY' then
    apply(ARGV[i + 1], ARGV[i + 2], ARGV[i + 3])
    last = sequence
    lastArg = ARGV[i]
  end
end

if lastArg then
  redis.call('SET', KEYS[1], lastArg)
end
return result
