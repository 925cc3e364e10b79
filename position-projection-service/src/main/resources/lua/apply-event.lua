-- Applies one queue event to the waiting line of one queue, atomically with its sequence check.
-- KEYS[1] last applied sequence, KEYS[2] sorted set of WAITING entries (member entryId, score priority*stride+ticket),
-- KEYS[3] hash entryId -> score of the active (WAITING or CALLED) entries, kept so a requeue or a priority change
--         can rebuild the score without the caller knowing the ticket.
-- ARGV[1] sequence, ARGV[2] operation, ARGV[3] entryId (or ''), ARGV[4] score (JOIN) or priority index (PRIORITY),
-- ARGV[5] stride.
-- Returns {'APPLY'|'SKIP'|'GAP', last applied sequence before this event}.
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local sequence = tonumber(ARGV[1])
if sequence <= last then
  return {'SKIP', last}
end
if sequence ~= last + 1 then
  return {'GAP', last}
end

local op, entry = ARGV[2], ARGV[3]
if op == 'JOIN' then
  redis.call('HSET', KEYS[3], entry, ARGV[4])
  redis.call('ZADD', KEYS[2], ARGV[4], entry)
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
    local stride = tonumber(ARGV[5])
    local ticket = tonumber(score) % stride
    local moved = string.format('%.0f', tonumber(ARGV[4]) * stride + ticket)
    redis.call('HSET', KEYS[3], entry, moved)
    if redis.call('ZSCORE', KEYS[2], entry) then
      redis.call('ZADD', KEYS[2], moved, entry)
    end
  end
end

redis.call('SET', KEYS[1], ARGV[1])
return {'APPLY', last}
