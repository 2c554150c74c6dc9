// Flat-cost presence (issue 11 item 1): a join costs the same in an almost empty room and in a full one. Counted
// as work, not time: the socket entries the server lists to answer a join (server/realtime/bus.ts socketsListed;
// it used to fetch every socket in the room on each join and leave) and, in scale mode, the Redis commands the join and its announcement issue (counted by a
// redis-server of the test's own). The room holds no moderator, so no attendee list is built (that list is for
// moderators only, and is the one thing that grows with the room).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socketsListed } from '../realtime/bus';
import { redisServerAvailable, startRedisServer, type TestRedis, type TestSocket } from './harness';
import { type InProcessServer, startInProcess } from './in-process-server';
import { collect, createDiscussion, createMember, join, socketFor, until } from './live-fixtures';
import { TEST_REDIS_URL } from './temp-databases';

// The sizes, scaled to what a shared test machine connects quickly: an empty room against a full one.
const FULL = 500;
const SOCKETS_PER_MEMBER = 10; // under the per-user cap of 12 (F05)

type Work = { listed: number; redisCommands: number };

function suite(mode: 'embedded' | 'scale') {
  let server: InProcessServer;
  let redis: TestRedis | null = null;
  const open: TestSocket[] = [];

  beforeAll(async () => {
    if (mode === 'scale') redis = await startRedisServer();
    server = await startInProcess({ env: redis ? { REDIS_URL: redis.url } : {} });
  }, 60_000);
  afterAll(async () => {
    for (const s of open.splice(0)) s.close();
    await server?.stop();
    await redis?.stop();
  });

  async function redisCommands(): Promise<number> {
    if (!redis) return 0;
    const { Redis } = await import('ioredis');
    const c = new Redis(redis.url);
    try {
      const info = await c.info('commandstats');
      // XREAD is the adapter's blocking read loop and INFO is this count itself: neither is the join's work.
      return [...info.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)]
        .filter(([, cmd]) => !['xread', 'info'].includes(cmd))
        .reduce((n, [, , calls]) => n + Number(calls), 0);
    } finally {
      c.disconnect();
    }
  }

  /** One newcomer joins and the room is told (the newcomer sees the new count): the work it took. */
  async function oneJoin(discussionId: string, observer: TestSocket, inRoom: number): Promise<Work> {
    const probe = await socketFor(server, await createMember(server.db));
    const seen = collect<{ count: number }>(observer, 'presence:changed');
    const before = { listed: socketsListed(), redisCommands: await redisCommands() };
    const state = await join(probe, discussionId);
    expect(state.attendeeCount).toBe(inRoom + 1);
    await until(() => seen.some((p) => p.count === inRoom + 1), 5000, 'the announcement of the join');
    const work = { listed: socketsListed() - before.listed, redisCommands: (await redisCommands()) - before.redisCommands };
    // Out again, and settled (its announcement seen), before the next measurement.
    probe.close();
    await until(() => seen.some((p) => p.count === inRoom), 5000, 'the announcement of the leave');
    return work;
  }

  /** The least work of a few joins: a heartbeat landing in one measurement is not the join's work. */
  async function joinWork(discussionId: string, observer: TestSocket, inRoom: number): Promise<Work> {
    const works: Work[] = [];
    for (let i = 0; i < 3; i++) works.push(await oneJoin(discussionId, observer, inRoom));
    return {
      listed: Math.min(...works.map((w) => w.listed)),
      redisCommands: Math.min(...works.map((w) => w.redisCommands)),
    };
  }

  it(`a join costs the same in a room of 1 and of ${FULL} (${mode})`, async () => {
    const discussionId = await createDiscussion(server.db, { status: 'LIVE' });
    const observer = await socketFor(server, await createMember(server.db));
    open.push(observer);
    await join(observer, discussionId);
    const cpu0 = process.cpuUsage();
    const empty = await joinWork(discussionId, observer, 1);
    const emptyCpu = process.cpuUsage(cpu0);

    // Fill the room: FULL - 1 more sockets, SOCKETS_PER_MEMBER per member, joined in batches.
    const members = await Promise.all(Array.from({ length: Math.ceil((FULL - 1) / SOCKETS_PER_MEMBER) }, () => createMember(server.db)));
    const emails = Array.from({ length: FULL - 1 }, (_, i) => members[i % members.length]);
    for (let i = 0; i < emails.length; i += 50) {
      const batch = await Promise.all(emails.slice(i, i + 50).map((e) => socketFor(server, e)));
      open.push(...batch);
      await Promise.all(batch.map((s) => join(s, discussionId)));
    }
    const seen = collect<{ count: number }>(observer, 'presence:changed');
    // Sockets, not people, fill the room; the count is of people.
    await until(() => seen.some((p) => p.count === members.length + 1), 10_000, 'the full room announced');
    const inRoom = members.length + 1;

    const cpu1 = process.cpuUsage();
    const full = await joinWork(discussionId, observer, inRoom);
    const fullCpu = process.cpuUsage(cpu1);
    console.log(
      `[presence ${mode}] join into 1 socket: ${JSON.stringify(empty)}; into ${FULL} sockets: ${JSON.stringify(full)}; test-process CPU for 3 joins: ${Math.round((emptyCpu.user + emptyCpu.system) / 1000)} ms vs ${Math.round((fullCpu.user + fullCpu.system) / 1000)} ms (information only)`,
    );
    // No socket is listed to answer a join or to announce it, whatever the size of the room...
    expect(full.listed).toBe(0);
    expect(empty.listed).toBe(0);
    // ...and the cluster work (Redis commands) is the same number in the full room as in the empty one.
    expect(full.redisCommands).toBe(empty.redisCommands);
    if (mode === 'scale') expect(full.redisCommands).toBeGreaterThan(0);
  }, 180_000);
}

describe('flat-cost presence, one node', () => suite('embedded'));

const scaleReady = !!TEST_REDIS_URL && redisServerAvailable();
describe.skipIf(!scaleReady)(
  `flat-cost presence, scale mode (Redis adapter)${scaleReady ? '' : ' (skipped: TEST_REDIS_URL not set or redis-server not installed)'}`,
  () => suite('scale'),
);
