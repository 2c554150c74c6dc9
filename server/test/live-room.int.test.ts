// The live room end to end over real sockets: two members and a facilitator ask, vote, get highlights and
// answers; anonymity on the wire; late joiners; lifecycle; idempotent asks (F16, F17); votes (F22); gating (F23).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionView, RoomState } from '@/lib/live/views';
import type { Db } from '../db/client';
import { DEMO_PASSWORD, signIn, startServer, type TestServer, type TestSocket } from './harness';
import { callAction } from './int-helpers';
import { collect, createDiscussion, join, openDb, recordFrames, socketFor, until, userId } from './live-fixtures';

let server: TestServer;
let db: Db;
const open: TestSocket[] = [];
const track = (s: TestSocket) => (open.push(s), s);

beforeAll(async () => {
  server = await startServer();
  db = openDb(server);
});
afterAll(async () => {
  for (const s of open) s.close();
  await db?.$disconnect();
  await server?.stop();
});

describe('live room', () => {
  it('asks, anonymous asks, votes, highlights, answers and ends, with anonymity on the wire', async () => {
    const discussionId = await createDiscussion(db, { startsInMinutes: 5 });
    const alex = track(await socketFor(server, 'alex@example.org'));
    const bea = track(await socketFor(server, 'bea@example.org'));
    const sam = track(await socketFor(server, 'sam@example.org')); // facilitator on this discussion
    const rowan = track(await socketFor(server, 'rowan@example.org')); // host
    const beaFrames = recordFrames(bea);
    const samFrames = recordFrames(sam);
    const samAsked = collect<QuestionView>(sam, 'question:asked');
    const beaAsked = collect<QuestionView>(bea, 'question:asked');

    const alexState = await join(alex, discussionId);
    expect(alexState.role).toBe('member');
    expect(alexState.discussion.status).toBe('SCHEDULED');
    await join(bea, discussionId);
    expect((await join(sam, discussionId)).role).toBe('facilitator');
    expect((await join(rowan, discussionId)).role).toBe('host');

    // The host starts the discussion: everybody hears it.
    const beaStates = collect<{ status: string }>(bea, 'discussion:state');
    expect(await rowan.emitWithAck('discussion:start', { discussionId })).toEqual({ ok: true, data: null });
    await until(() => beaStates.some((s) => s.status === 'LIVE'), 3000, 'LIVE state');

    // A named question and an anonymous one.
    const named = randomUUID();
    const anon = randomUUID();
    const a1 = await alex.emitWithAck('question:ask', { discussionId, id: named, body: 'How do you prepare for integration?', anonymous: false });
    expect(a1.ok && a1.data.author?.name).toBe('Alex');
    const a2 = await alex.emitWithAck('question:ask', { discussionId, id: anon, body: 'Is it safe with my medication?', anonymous: true, contentWarning: 'medical' });
    expect(a2.ok && a2.data.anonymous).toBe(true);
    await until(() => beaAsked.length === 2 && samAsked.length === 2, 3000, 'question:asked broadcasts');

    const alexId = await userId(db, 'alex@example.org');
    const beaAnon = beaAsked.find((q) => q.id === anon)!;
    expect(beaAnon.author).toBeNull();
    expect(beaAsked.find((q) => q.id === named)!.author).toEqual({ name: 'Alex', badge: null });
    expect(samAsked.find((q) => q.id === anon)!.author).toEqual({ id: alexId, name: 'Alex', badge: null });
    // On the wire: no frame the member received names Alex or carries Alex's id for the anonymous question.
    const anonFrames = beaFrames.filter((f) => f.includes(anon));
    expect(anonFrames.length).toBeGreaterThan(0);
    for (const f of anonFrames) {
      expect(f).not.toContain(alexId);
      expect(f).not.toContain('Alex');
    }
    expect(samFrames.some((f) => f.includes(anon) && f.includes(alexId))).toBe(true);

    // Votes: bea votes, unvotes, votes again; tallies arrive coalesced.
    const tallies = collect<{ tallies: [string, number][] }>(alex, 'question:voted');
    expect(await bea.emitWithAck('question:vote', { questionId: anon })).toEqual({ ok: true, data: { votes: 1 } });
    expect(await bea.emitWithAck('question:unvote', { questionId: anon })).toEqual({ ok: true, data: { votes: 0 } });
    expect(await bea.emitWithAck('question:vote', { questionId: anon })).toEqual({ ok: true, data: { votes: 1 } });
    await until(() => tallies.some((t) => t.tallies.some(([id, n]) => id === anon && n === 1)), 3000, 'tally');

    // Highlight ("answering now"), seen by all; a reply; then answered, which clears the highlight.
    const highlights = collect<{ questionId: string | null }>(bea, 'question:highlighted');
    expect((await sam.emitWithAck('question:highlight', { discussionId, questionId: anon })).ok).toBe(true);
    await until(() => highlights.at(-1)?.questionId === anon, 3000, 'highlight');
    const replies = collect<{ questionId: string }>(bea, 'question:replied');
    const r = await sam.emitWithAck('question:reply', { questionId: anon, body: 'Talk to your prescriber first; we will cover interactions now.' });
    expect(r.ok).toBe(true);
    await until(() => replies.length === 1, 3000, 'reply');
    const answered = collect<{ id: string }>(bea, 'question:answered');
    expect((await rowan.emitWithAck('question:answer', { questionId: anon })).ok).toBe(true);
    await until(() => answered.length === 1 && highlights.at(-1)?.questionId === null, 3000, 'answered + highlight cleared');
    // An answered question can no longer be edited by its author.
    const edit = await alex.emitWithAck('question:edit', { questionId: anon, body: 'changed' });
    expect(!edit.ok && edit.error.code).toBe('conflict');

    // A late joiner gets everything in one message.
    const chen = track(await socketFor(server, 'chen@example.org'));
    const late: RoomState = await join(chen, discussionId);
    expect(late.discussion.status).toBe('LIVE');
    expect(late.questions.map((q) => q.id).sort()).toEqual([named, anon].sort());
    const lateAnon = late.questions.find((q) => q.id === anon)!;
    expect(lateAnon).toMatchObject({ author: null, votes: 1, contentWarning: 'medical' });
    expect(lateAnon.answeredAt).not.toBeNull();
    expect(lateAnon.replies).toHaveLength(1);
    expect(late.myVotes).toEqual([]);
    expect(late.attendeeCount).toBeGreaterThanOrEqual(4);
    expect(late.attendees).toBeUndefined(); // attendee list is for hosts and facilitators only
    const beaAgain = await join(bea, discussionId);
    expect(beaAgain.myVotes).toEqual([anon]);
    const alexAgain = await join(alex, discussionId);
    expect(alexAgain.mine.sort()).toEqual([named, anon].sort());
    const samState = await join(sam, discussionId);
    expect(samState.attendees!.map((a) => a.name)).toEqual(expect.arrayContaining(['Alex', 'Bea', 'Chen']));

    // Withdraw the named question; end; the room is read-only.
    expect((await alex.emitWithAck('question:withdraw', { questionId: named })).ok).toBe(true);
    expect((await rowan.emitWithAck('discussion:end', { discussionId })).ok).toBe(true);
    const closed = await bea.emitWithAck('question:ask', { discussionId, id: randomUUID(), body: 'Too late?', anonymous: false });
    expect(!closed.ok && closed.error.code).toBe('room_closed');
    const after = await db.discussion.findUniqueOrThrow({ where: { id: discussionId } });
    expect(after.status).toBe('ENDED');
    expect(after.peakAttendance).toBeGreaterThanOrEqual(4);
    expect(await db.question.count({ where: { discussionId, status: 'VISIBLE' } })).toBe(1);
  });

  it('F09 members cannot moderate, start, or speak for someone else; nothing is written', async () => {
    const discussionId = await createDiscussion(db, { startsInMinutes: 5, status: 'LIVE' });
    // Bea: a member who has not used up her ask budget earlier in this file (5 per 30 s).
    const bea = track(await socketFor(server, 'bea@example.org'));
    await join(bea, discussionId);
    const q = randomUUID();
    expect((await bea.emitWithAck('question:ask', { discussionId, id: q, body: 'Anonymous, please', anonymous: true })).ok).toBe(true);
    await until(() => frames.some((f) => f.includes(q)), 3000, 'question reaches Jordan');
    const beaId = await userId(db, 'bea@example.org');
    for (const f of frames.filter((f) => f.includes(q))) expect(f).not.toContain(beaId);
    const denied = await again.emitWithAck('question:highlight', { discussionId, questionId: q });
    expect(!denied.ok && denied.error.code).toBe('forbidden');
    expect((await db.discussion.findUniqueOrThrow({ where: { id: discussionId } })).highlightedQuestionId).toBeNull();
  });
});
