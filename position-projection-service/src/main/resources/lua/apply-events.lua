-- Applies a run of events of one queue to its waiting line, each atomically with its sequence check, in the order
-- given: the same per event as applying them one by one.
-- KEYS[1] last applied sequence, KEYS[2] sorted set of WAITING entries (member entryId, score its order key: the line
--         is ascending keys, equal keys by entryId, as the domain calls them),
-- KEYS[3] hash entryId -> order key of the active entries out of the line (HELD, CALLED, under way to another
--         queue, held elsewhere), kept so a requeue, a release or a return puts the entry back at its key without
--         the caller knowing it. An entry in the line has its key as its score there and none here, so a waiting
--         entry costs one sorted-set member (stores written before kept it in both; either is read).
-- KEYS[4] hash entryId -> where an entry held for a service of its person elsewhere goes once back from every such
--         service: 'LINE' (it was in the line, or was released meanwhile) or 'HELD' (still scheduled or waiting for a
--         retry, until its RELEASE). Present exactly while the entry is held elsewhere; it is out of KEYS[2] meanwhile.
-- A HELD entry (scheduled, or waiting for a retry) has its key in KEYS[3] and no place in KEYS[2] until RELEASE.
-- The keys come with the events, decided by the domain: nothing here knows priorities, weights or tickets, but for
-- PRIORITY_LEGACY, a priority change written before keys existed, whose key it makes from the kept one.
-- ARGV, per event: sequence, operation, the number n of its operands, and the n operands: entryId and order key
-- (JOIN, JOIN_HELD, PRIORITY); entryId, the legacy class base and stride (PRIORITY_LEGACY); entryId (CALL, HOLD,
-- FINISH, REQUEUE, RELEASE, HOLD_ELSEWHERE, and BACK: the last service elsewhere that held it ended); the ids of the
-- entries a closing ended (CLOSE_OUT, up to a thousand); pairs of entryId and order key (REKEY, a lottery's draw, up
-- to a thousand pairs); none (NONE).
-- Returns three values per event: 'APPLY'|'SKIP'|'GAP', the last applied sequence before it, and the moves of the
-- line it made (for ledgerline.position-updates.v1), a flat list of kind, entryId, rank: 'L' the entry left the line
-- from rank, 'E' it entered at rank (in the line after it), 'C' the line emptied ('', 0), 'R' the line changed in a
-- way no short list of moves says ('', 0: a partial close-out or a draw of more than MOVES_LIMIT entries; the caller
-- takes a snapshot). Then, once, the number of entries waiting after the last event. After a gap, the queue's later
-- events are held back: each is answered 'GAP' and left unapplied.
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local lastArg = nil
local stopped = false
local result = {}
-- The moves of the event being applied.
local moves

-- Entries one operation may move with a rank each; past it, CLOSE_OUT and REKEY work in bulk and report 'C' or 'R'.
local MOVES_LIMIT = 64

-- unpack puts every value on Lua's C stack, which holds about 8,000: a longer list goes in slices.
local UNPACK_SLICE = 1000

local function moved(kind, entry, rank)
  moves[#moves + 1] = kind
  moves[#moves + 1] = entry
  moves[#moves + 1] = rank
end

-- Out of the line, saying from which rank; answers the key it had there (false when it was not in it).
local function out(entry)
  local rank = redis.call('ZRANK', KEYS[2], entry)
  if not rank then
    return false
  end
  local key = redis.call('ZSCORE', KEYS[2], entry)
  redis.call('ZREM', KEYS[2], entry)
  moved('L', entry, rank + 1)
  return key
end

-- Out of the line and still active (called, held): its key is kept for its return. Answers whether it was in it.
local function leave(entry)
  local key = out(entry)
  if key then
    redis.call('HSET', KEYS[3], entry, key)
    return true
  end
  return false
end

-- Into the line at the key, for an entry out of it, saying at which rank; its key is the score from now on. One that
-- was in it after all (never, as the domain decides) moved from a place unknown here: the line is reported
-- reshuffled, so subscribers take a snapshot.
local function enter(entry, key)
  if redis.call('ZADD', KEYS[2], key, entry) == 1 then
    moved('E', entry, redis.call('ZRANK', KEYS[2], entry) + 1)
  else
    moved('R', '', 0)
  end
end

-- An entry in the line, at 0-based rank before, takes a new key: reported only if its rank changes.
local function move(entry, key, before)
  redis.call('ZADD', KEYS[2], key, entry)
  local rank = redis.call('ZRANK', KEYS[2], entry)
  if rank ~= before then
    moved('L', entry, before + 1)
    moved('E', entry, rank + 1)
  end
end

-- The key of an active entry, in the line or kept out of it; false for one that is not active.
local function keyOf(entry)
  return redis.call('ZSCORE', KEYS[2], entry) or redis.call('HGET', KEYS[3], entry)
end

-- Closed-out entries leave the line and forget their keys and holds, as FINISH does, one command per slice of ids.
local function closeOut(first, last)
  if last - first < MOVES_LIMIT then
    for at = first, last do
      out(ARGV[at])
    end
  else
    local before = redis.call('ZCARD', KEYS[2])
    for from = first, last, UNPACK_SLICE do
      redis.call('ZREM', KEYS[2], unpack(ARGV, from, math.min(from + UNPACK_SLICE - 1, last)))
    end
    local after = redis.call('ZCARD', KEYS[2])
    if after == 0 and before > 0 then
      moved('C', '', 0)
    elseif after ~= before then
      moved('R', '', 0)
    end
  end
  for from = first, last, UNPACK_SLICE do
    local to = math.min(from + UNPACK_SLICE - 1, last)
    redis.call('HDEL', KEYS[3], unpack(ARGV, from, to))
    redis.call('HDEL', KEYS[4], unpack(ARGV, from, to))
  end
end

-- Back in the line at the key the entry kept (a finished entry has none, and stays out).
local function backInLine(entry)
  local kept = redis.call('HGET', KEYS[3], entry)
  if kept then
    redis.call('HDEL', KEYS[3], entry)
    enter(entry, kept)
  end
end

-- An active entry takes a new order key: in the line if it waits there, else the key it keeps (a HELD, CALLED,
-- TRANSFERRING or held elsewhere one stays out of the line, and returns at the new key). A finished entry has no key
-- to change, and must not get one back.
local function reorder(entry, key, quietly)
  local before = redis.call('ZRANK', KEYS[2], entry)
  if before then
    if quietly then
      redis.call('ZADD', KEYS[2], key, entry)
    else
      move(entry, key, before)
    end
    redis.call('HDEL', KEYS[3], entry)
  elseif redis.call('HEXISTS', KEYS[3], entry) == 1 then
    redis.call('HSET', KEYS[3], entry, key)
  end
end

-- at: index in ARGV of the event's first operand, n: how many it has.
local function apply(op, at, n)
  local entry = ARGV[at]
  local key = ARGV[at + 1]
  if op == 'JOIN' then
    enter(entry, key)
  elseif op == 'JOIN_HELD' then
    out(entry)
    redis.call('HSET', KEYS[3], entry, key)
  elseif op == 'CALL' then
    -- Called, admitted or under way elsewhere: no longer waiting, so no service elsewhere holds it any more.
    leave(entry)
    redis.call('HDEL', KEYS[4], entry)
  elseif op == 'HOLD' then
    leave(entry)
  elseif op == 'FINISH' then
    out(entry)
    redis.call('HDEL', KEYS[3], entry)
    redis.call('HDEL', KEYS[4], entry)
  elseif op == 'CLOSE_OUT' then
    if n > 0 then
      closeOut(at, at + n - 1)
    end
  elseif op == 'REQUEUE' then
    backInLine(entry)
  elseif op == 'RELEASE' then
    -- Due now; but while its person is served elsewhere it only learns where to go once back.
    if redis.call('HEXISTS', KEYS[4], entry) == 1 then
      redis.call('HSET', KEYS[4], entry, 'LINE')
    else
      backInLine(entry)
    end
  elseif op == 'HOLD_ELSEWHERE' then
    -- The first service elsewhere takes an active entry out of the line and notes whether it was in it; a second one
    -- (the person served in two places) finds it out already and changes nothing: the domain counts the services.
    if redis.call('HEXISTS', KEYS[4], entry) == 0 then
      local wasInLine = leave(entry)
      if wasInLine or redis.call('HEXISTS', KEYS[3], entry) == 1 then
        redis.call('HSET', KEYS[4], entry, wasInLine and 'LINE' or 'HELD')
      end
    end
  elseif op == 'BACK' then
    local goes = redis.call('HGET', KEYS[4], entry)
    if goes then
      redis.call('HDEL', KEYS[4], entry)
      if goes == 'LINE' then
        backInLine(entry)
      end
    end
  elseif op == 'PRIORITY' then
    reorder(entry, key)
  elseif op == 'REKEY' then
    -- A draw: n / 2 pairs of entryId and its new key, each active one moved like a PRIORITY; a large draw reshuffles
    -- the line, which no short list of moves says.
    local quietly = n / 2 > MOVES_LIMIT
    for pair = at, at + n - 2, 2 do
      reorder(ARGV[pair], ARGV[pair + 1], quietly)
    end
    if quietly then
      moved('R', '', 0)
    end
  elseif op == 'PRIORITY_LEGACY' then
    -- A priority change written before order keys existed: the new class's legacy base (ARGV[at + 1]) plus the
    -- ticket, which is the kept legacy key modulo the stride (ARGV[at + 2]).
    local kept = keyOf(entry)
    if kept then
      local stride = tonumber(ARGV[at + 2])
      reorder(entry, string.format('%.0f', tonumber(key) + tonumber(kept) % stride))
    end
  end
end

local i = 1
while i <= #ARGV do
  local sequence = tonumber(ARGV[i])
  local n = tonumber(ARGV[i + 2])
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
  moves = {}
  if check == 'APPLY' then
    apply(ARGV[i + 1], i + 3, n)
    last = sequence
    lastArg = ARGV[i]
  end
  result[#result + 1] = moves
  i = i + 3 + n
end
result[#result + 1] = redis.call('ZCARD', KEYS[2])

if lastArg then
  redis.call('SET', KEYS[1], lastArg)
end
return result
