// Cluster-wide jobs run on one node (issue 11 item 2): the lease in Redis (server/jobs/lease.ts) and the jobs built
// on it (server/jobs/cluster-job.ts). Two nodes are two holders with their own Redis connections, as two
// processes would have; "the leader dies" is its connection dropping without giving the lease up.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseConfig, setConfig } from '../config';
import { startClusterJob } from '../jobs/cluster-job';
import { createLease } from '../jobs/lease';
import { runStopPhase } from '../runtime';
import { until } from './live-fixtures';
import { skipReason, TEST_REDIS_URL } from './temp-databases';

// What a test lease lasts: short, so a takeover is seen quickly; the rule under test is "within the lease time".
const LEASE_MS = 900;

describe.skipIf(!TEST_REDIS_URL)(`cluster-wide jobs run on one node${skipReason('TEST_REDIS_URL')}`, () => {
  const clients: Redis[] = [];
  const connect = () => {
    const c = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    c.on('error', () => {});
    clients.push(c);
    return c;
  };
  afterEach(async () => {
    for (const phase of ['intake', 'flush', 'close'] as const) await runStopPhase(phase);
  });
  afterAll(() => {
    for (const c of clients) c.disconnect();
  });

  it('one holder at a time; when the holder dies the other takes the lease within the lease time', async () => {
    const key = `fs-test-${randomUUID()}:lease:job`;
    const [a, b] = [createLease(connect(), key, 'node-a', LEASE_MS), createLease(connect(), key, 'node-b', LEASE_MS)];
    await until(async () => (await a.refresh()) || (await b.refresh()), 3000, 'a first holder');
    // Both keep trying, as their nodes would: exactly one holds it.
    for (let i = 0; i < 5; i++) {
      const held = [await a.refresh(), await b.refresh()];
      expect(held.filter(Boolean)).toHaveLength(1);
    }
    const [leader, other, leaderClient] = a.held() ? [a, b, clients[0]] : [b, a, clients[1]];
    // The leader's process dies: its connection drops, nothing is released.
    leaderClient.disconnect();
    const died = Date.now();
    await until(async () => await other.refresh(), LEASE_MS + 2000, 'the other node to take the lease');
    const tookOver = Date.now() - died;
    console.log(`[lease] taken over ${tookOver} ms after the holder died (lease ${LEASE_MS} ms)`);
    // The lease time, plus the polling of this test and a loaded machine's slack.
    expect(tookOver).toBeLessThanOrEqual(LEASE_MS + 500);
    // The dead holder, cut off, stops acting on its own once its lease would have expired.
    await until(async () => !(await leader.refresh()), LEASE_MS + 500, 'the old holder to stop acting');
    expect(other.held()).toBe(true);
  });

  it('a cluster job runs on one node only; stopping that node hands it to the other at once', async () => {
    const prefix = `fs-test-${randomUUID().slice(0, 8)}:`;
    setConfig(parseConfig({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, AUTH_SECRET: 'x'.repeat(32), DATA_DIR: '/tmp/fireside-scale-jobs' }));
    const runs = { a: 0, b: 0 };
    // A job every 100 ms on both "nodes"; the lease lasts much longer, so a hand-over at once is not an expiry.
    const jobA = startClusterJob('test job', 100, async () => void runs.a++, { holder: 'node-a', leaseMs: 10_000 });
    const jobB = startClusterJob('test job', 100, async () => void runs.b++, { holder: 'node-b', leaseMs: 10_000 });
    await until(() => runs.a + runs.b >= 5, 5000, 'the job to run a few times');
    expect([jobA.leading(), jobB.leading()].filter(Boolean)).toHaveLength(1);
    const [leader, other, counts] = jobA.leading() ? [jobA, jobB, 'b' as const] : [jobB, jobA, 'a' as const];
    expect(runs[counts]).toBe(0);
    const stopped = Date.now();
    await leader.stop();
    await until(() => runs[counts] > 0, 5000, 'the other node to run the job');
    const handedOver = Date.now() - stopped;
    console.log(`[cluster job] the other node ran it ${handedOver} ms after the leader stopped (lease 10 s)`);
    // Well within the lease: the stopped node gave the lease up instead of letting it expire.
    expect(handedOver).toBeLessThan(10_000 / 2);
    expect(other.leading()).toBe(true);
    await other.stop();
  });
});
