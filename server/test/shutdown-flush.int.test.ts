// F25 for what the coalescers hold back: a vote acked just before SIGTERM has its tally sent to the room before
// the sockets are told to go (shutdown's `flush` phase, server/runtime.ts), not dropped with a pending timer.
// Full process: the real SIGTERM path of server/app.ts.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { startServer, type TestServer, type TestSocket } from './harness';
import { createDiscussion, join, openDb, setNewMemberHolds, socketFor } from './live-fixtures';

let server: TestServer | undefined;
let db: Db | undefined;
const open: TestSocket[] = [];

afterAll(async () => {
  for (const s of open) s.close();
  await db?.$disconnect();
  await server?.stop();
});

describe('F25 shutdown sends what the coalescers hold', () => {
  it('F25 a vote acked right before SIGTERM reaches the room as a tally before server:shutdown; exit 0', async () => {
    // No drain window, so the stop reaches the sockets well within one tally interval (250 ms) of the vote.
    server = await startServer({ env: { SHUTDOWN_DRAIN_MS: '0' } });
    db = openDb(server);
    // No new-member holds: alex's question must reach the room at once to be voted on (holds: moderation tests).
    await setNewMemberHolds(db, 0);
    const discussionId = await createDiscussion(db, { status: 'LIVE' });
    const [asker, voter, observer] = await Promise.all(['alex@example.org', 'bea@example.org', 'chen@example.org'].map((e) => socketFor(server!, e)));
    open.push(asker, voter, observer);
    await Promise.all([asker, voter, observer].map((s) => join(s, discussionId)));
    const questionId = randomUUID();
    expect((await asker.emitWithAck('question:ask', { discussionId, id: questionId, body: 'Will my vote be heard?', anonymous: false })).ok).toBe(true);

    const seen: string[] = [];
    observer.on('question:voted', ({ tallies }) => seen.push(`voted ${JSON.stringify(tallies)}`));
    const told = new Promise<void>((resolve) =>
      observer.once('server:shutdown', () => {
        seen.push('shutdown');
        resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => server!.proc.once('exit', (code) => resolve(code)));

    expect(await voter.emitWithAck('question:vote', { questionId })).toEqual({ ok: true, data: { votes: 1 } });
    server.proc.kill('SIGTERM');
    await told;

    expect(seen).toEqual([`voted ${JSON.stringify([[questionId, 1]])}`, 'shutdown']);
    expect(await exited).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
  });
});
