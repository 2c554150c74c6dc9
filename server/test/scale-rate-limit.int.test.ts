// The rate limiter's choice when Redis is unreachable (F19), on purpose and documented (server/rate-limit.ts):
// it falls back to limits per node, in memory. Not open (a flood would go through unlimited) and not closed
// (nobody could ask or vote during the outage). Against a redis-server of the test's own, which it stops.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, setConfig } from '../config';
import { limiter, take } from '../rate-limit';
import { redisClient, redisHealth } from '../redis';
import { runStopPhase } from '../runtime';
import { redisServerAvailable, startRedisServer, type TestRedis } from './harness';
import { until } from './live-fixtures';
import { TEST_REDIS_URL } from './temp-databases';

const POINTS = 3;
const enabled = !!TEST_REDIS_URL && redisServerAvailable();

describe.skipIf(!enabled)(`F19 rate limits while Redis is down${enabled ? '' : ' (skipped: TEST_REDIS_URL not set or redis-server not installed)'}`, () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedisServer();
    setConfig(
      parseConfig({
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: `fs-test-${randomUUID().slice(0, 8)}:`,
        AUTH_SECRET: 'x'.repeat(32),
        DATA_DIR: '/tmp/fireside-rl',
      }),
    );
    redisClient();
    await until(() => redisHealth().up, 5000, 'redis to connect');
  });
  afterAll(async () => {
    for (const phase of ['intake', 'flush', 'close'] as const) await runStopPhase(phase);
    await redis?.stop();
  });

  const spend = async (key: string, n: number) => {
    const waits: number[] = [];
    for (let i = 0; i < n; i++) waits.push(await take(limiter('f19', POINTS, 60), key));
    return waits.map((w) => (w === 0 ? 'ok' : 'limited'));
  };

  it('F19 shared limits in Redis; while it is down, per-node limits in memory (neither open nor closed); shared again once it is back', async () => {
    const key = `user-${randomUUID()}`;
    expect(await spend(key, POINTS + 1)).toEqual([...Array(POINTS).fill('ok'), 'limited']);

    await redis.stop();
    await until(() => !redisHealth().up, 5000, 'the node to notice the outage');
    expect(redisHealth().downSince).not.toBeNull();
    // A fresh budget in this node's memory, still a limit: the flood is stopped at the same number.
    expect(await spend(key, POINTS + 2)).toEqual([...Array(POINTS).fill('ok'), 'limited', 'limited']);
    // Someone else is not locked out by the outage.
    expect(await spend(`user-${randomUUID()}`, 1)).toEqual(['ok']);

    await redis.start();
    await until(() => redisHealth().up, 15_000, 'the node to reconnect by itself');
    // Redis started empty: the shared budget is fresh, and counted in Redis again.
    const other = `user-${randomUUID()}`;
    expect(await spend(other, POINTS + 1)).toEqual([...Array(POINTS).fill('ok'), 'limited']);
    expect(await redisClient()!.keys(`*f19*${other}`)).toHaveLength(1);
  }, 60_000);
});
