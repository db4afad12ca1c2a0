// The Redis store against a real redis-server on a free port; what only it does is in redis-outage.test.ts.
import { afterAll, beforeAll, describe } from "vitest";
import { RedisStore } from "../../src/store/mod.js";
import { haveRedis, startRedis, type RedisProcess } from "../helpers/redis-server.js";
import { sessionStoreContract } from "./contract.js";

let redis: RedisProcess;
let n = 0;

describe.skipIf(!haveRedis)("RedisStore", () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.kill();
  });
  // Each store gets a prefix of its own, so the tests share one server without seeing each other's keys.
  sessionStoreContract("RedisStore", (options) => RedisStore.open({ ...options, url: redis.url, prefix: `t${n++}:` }));
});
