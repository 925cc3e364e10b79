-- Reads of the waiting line, each atomic with the queue's last applied sequence, so that a reader can tell which
-- sequence its answer reflects (and wait or retry against PostgreSQL's view of the same sequence).
-- KEYS[1] the queue's waiting sorted set, KEYS[2] its last applied sequence.
-- ARGV[1] 'RANK' entryId            -> {rank or -1, sequence}
-- ARGV[1] 'LINE'                   -> {sequence, id1, id2, ...}: the whole line in calling order
-- ARGV[1] 'PAGE' afterId afterScore limit -> {sequence, start, id1, score1, id2, score2, ...}
--   afterId '' starts at the head. An entry that has left the line since it ended a page is passed by its score, with
--   equal scores in member byte order (the sorted set's own order), so the next page starts where it would have been.
local seq = tonumber(redis.call('GET', KEYS[2]) or '0')
if ARGV[1] == 'RANK' then
  local rank = redis.call('ZRANK', KEYS[1], ARGV[2])
  return {rank or -1, seq}
end
if ARGV[1] == 'LINE' then
  local line = redis.call('ZRANGE', KEYS[1], 0, -1)
  table.insert(line, 1, seq)
  return line
end
local start = 0
if ARGV[2] ~= '' then
  local rank = redis.call('ZRANK', KEYS[1], ARGV[2])
  if rank then
    start = rank + 1
  else
    start = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. ARGV[3])
    for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[3], ARGV[3])) do
      if member < ARGV[2] then start = start + 1 end
    end
  end
end
local page = redis.call('ZRANGE', KEYS[1], start, start + tonumber(ARGV[4]) - 1, 'WITHSCORES')
local out = {seq, start}
for _, value in ipairs(page) do out[#out + 1] = value end
return out
