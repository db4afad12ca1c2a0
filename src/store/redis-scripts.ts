// The Lua scripts that make the Redis store's changes atomic. Each session is a hash:
//   v   version (the compare-and-set token)     at  updatedAt (ms)
//   exp when it expires (ms, by the store's clock, so tests can move time; PEXPIRE does the real clean-up)
//   j   the state as JSON
// and the sorted set `index` ranks sessions by updatedAt, for the cap.

/** KEYS: hash, index. ARGV: json, now, ttlMs, ifVersion ("" for none), maxSessions, hash key prefix, key, defaultTtlMs. */
export const SET_SCRIPT = `
local now = tonumber(ARGV[2])
local fields = redis.call('HMGET', KEYS[1], 'v', 'exp')
local v = tonumber(fields[1]) or 0
if v > 0 and (tonumber(fields[2]) or 0) <= now then v = 0 end
if ARGV[4] ~= '' and tonumber(ARGV[4]) ~= v then return 0 end
if v == 0 then
  local max = tonumber(ARGV[5])
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[8]))
  local n = redis.call('ZCARD', KEYS[2])
  if n >= max then
    local victims = redis.call('ZRANGE', KEYS[2], 0, n - max)
    for _, member in ipairs(victims) do
      redis.call('DEL', ARGV[6] .. member)
      redis.call('ZREM', KEYS[2], member)
    end
  end
end
redis.call('HSET', KEYS[1], 'v', v + 1, 'at', now, 'exp', now + tonumber(ARGV[3]), 'j', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZADD', KEYS[2], now, ARGV[7])
return v + 1
`;

/** KEYS: claim key. ARGV: now, ttlMs. 1 the first time, 0 while remembered. */
export const CLAIM_SCRIPT = `
local now = tonumber(ARGV[1])
local until_ = tonumber(redis.call('GET', KEYS[1]) or '0')
if until_ > now then return 0 end
redis.call('SET', KEYS[1], now + tonumber(ARGV[2]), 'PX', ARGV[2])
return 1
`;
