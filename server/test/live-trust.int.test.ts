// Trust promises of the live room over real sockets, read on the wire: moderator rights follow the person at
// every moment (F10, F27: removal, demotion and ban while offline), budgets that hold (the refused-ask bypass,
// edit floods, a bounded join state), and the audience sees only what the audience may see.
// In process (server/test/in-process-server.ts): the staff edit and the admin's demote and ban run as the
// commands their server actions call, as that person; their effects still reach the sockets through the bus.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { QuestionView, RoomState } from '@/lib/live/views';
import { updateDiscussion } from '../discussions/commands';
import { banUser, changeRole } from '../users/commands';
import { type TestSocket, waitFor } from './harness';
import { createDiscussion, createMember, discussionEditInput, join, until, userId } from './live-fixtures';
import { roomServer } from './room-server';

type Ack<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

const rs = roomServer();
rs.use();

/** Every raw frame the socket receives, across reconnections (each reconnection opens a new engine). */
function wire(socket: TestSocket): { frames: string[]; text: () => string } {
  const frames: string[] = [];
  const attach = () => socket.io.engine.on('packet', (p: { data?: unknown }) => void (typeof p.data === 'string' && frames.push(p.data)));
  attach();
  socket.io.on('open', attach);
  return { frames, text: () => frames.join('\n') };
}

function emit<T>(socket: TestSocket, event: string, payload: unknown): Promise<Ack<T>> {
  return (socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Ack<T>> }).emitWithAck(event, payload);
}

const ask = (socket: TestSocket, discussionId: string, body: string, anonymous = true, id: string = randomUUID()) =>
  emit<QuestionView>(socket, 'question:ask', { discussionId, id, body, anonymous });

/** Nothing on this wire names the member or lists attendees. */
async function expectNothingAbout(text: string, email: string) {
  const u = await rs.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, displayName: true } });
  expect(text).not.toContain(u.id);
  expect(text).not.toContain(`"${u.displayName}"`);
  expect(text).not.toContain('"attendees"');
}

describe('moderator rights follow the person (F10, F27)', () => {
  it('F10 a facilitator removed from the discussion by its host gets no moderator frame from that moment; their next moderation event is denied', async () => {
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE', facilitatorEmails: ['sam@example.org'] });
    const sam = await rs.connect('sam@example.org');
    const samWire = wire(sam);
    const asMod = await join(sam, discussionId);
    expect(asMod.role).toBe('facilitator');
    const member = await rs.connect('bea@example.org');
    await join(member, discussionId);
    // Control: while staff, Sam gets the moderators' view: an anonymous asker's pseudonym (never who it is, F27),
    // so the audience-view check below can fail.
    const seen = waitFor<QuestionView>(sam, 'question:asked');
    expect((await ask(member, discussionId, 'Before the change: who am I?')).ok).toBe(true);
    const before = await seen;
    expect(before.author).toBeNull();
    expect(before.pseudonym).toMatch(/^Anonymous /);
    // …and the attendee list naming Bea (presence is coalesced: wait for the announcement of her join, so no
    // announcement made while Sam was still staff is in flight when the edit starts).
    const beaId = await userId(rs.db, 'bea@example.org');
    await until(() => samWire.frames.some((f) => f.includes('presence:changed') && f.includes(beaId)), 5000, 'the attendee list with Bea');

    const rightsChanged = waitFor<{ discussionId: string }>(sam, 'discussion:rights-changed');
    const cut = samWire.frames.length;
    const input = await discussionEditInput(rs.db, discussionId, { hostIds: [await userId(rs.db, 'rowan@example.org')], facilitatorIds: [] });
    const edit = await rs.server.as('rowan@example.org', (host) => updateDiscussion(host, input));
    expect(edit).toMatchObject({ ok: true });
    expect(await rightsChanged).toEqual({ discussionId });

    // From the moment the edit returned: anonymous questions and presence reach Sam only as the audience's view.
    const after = waitFor<QuestionView>(sam, 'question:asked');
    const q = await ask(member, discussionId, 'After the change: an anonymous question');
    expect(q.ok).toBe(true);
    const afterView = await after;
    expect(afterView.author).toBeNull();
    expect(afterView.pseudonym).toBeNull(); // the audience's view: no pseudonym
    const late = await rs.connect('chen@example.org');
    await join(late, discussionId); // presence changes: moderators get the attendee list, Sam must not
    await until(() => samWire.frames.slice(cut).some((f) => f.includes('presence:changed')), 5000, 'a presence frame');
    await expectNothingAbout(samWire.frames.slice(cut).join('\n'), 'bea@example.org');
    await expectNothingAbout(samWire.frames.slice(cut).join('\n'), 'chen@example.org');

    // The client re-joins on rights-changed: it gets the audience's room.
    const asMember = await join(sam, discussionId);
    expect(asMember.role).toBe('member');
    expect(asMember.attendees).toBeUndefined();
    for (const v of asMember.questions) expect(v.author).toBeNull();
    expect((await emit(sam, 'question:answer', { questionId: (q as { data: QuestionView }).data.id })).ok).toBe(false);
    const reply = await emit(sam, 'question:reply', { questionId: (q as { data: QuestionView }).data.id, body: 'Still a moderator?' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expectNothingAbout(samWire.frames.slice(cut).join('\n'), 'bea@example.org');
  });

  it('F10 a facilitator demoted while briefly offline comes back as audience: no missed moderator frame is replayed', async () => {
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE', facilitatorEmails: ['jordan@example.org'] });
    const jordan = await rs.connect('jordan@example.org');
    const jordanWire = wire(jordan);
    expect((await join(jordan, discussionId)).role).toBe('facilitator');
    const member = await rs.connect('eli@example.org');
    await join(member, discussionId);
    const seen = waitFor<QuestionView>(jordan, 'question:asked');
    expect((await ask(member, discussionId, 'Seen by the facilitator while staff')).ok).toBe(true);
    await seen;

    // The network drops (not a clean disconnect); while offline: demoted, and an anonymous question is asked.
    const offline = waitFor<string>(jordan, 'disconnect');
    jordan.io.engine.close();
    await offline;
    const cut = jordanWire.frames.length;
    const jordanId = await userId(rs.db, 'jordan@example.org');
    const demote = await rs.server.as('admin@example.org', (admin) => changeRole(admin, { userId: jordanId, role: 'MEMBER' }));
    expect(demote).toMatchObject({ ok: true });
    expect((await ask(member, discussionId, 'Asked while the facilitator was offline')).ok).toBe(true);

    const back = waitFor(jordan, 'connect' as never);
    jordan.connect();
    await back;
    expect(jordan.recovered).toBeFalsy();
    const state = await join(jordan, discussionId);
    expect(state.role).toBe('member');
    expect(state.questions.map((q) => q.author)).toEqual([null, null]);
    const later = waitFor<QuestionView>(jordan, 'question:asked');
    expect((await ask(member, discussionId, 'Asked after the facilitator came back')).ok).toBe(true);
    expect((await later).author).toBeNull();
    await expectNothingAbout(jordanWire.frames.slice(cut).join('\n'), 'eli@example.org');
    // Restore the demo role for the other tests.
    await rs.server.as('admin@example.org', (admin) => changeRole(admin, { userId: jordanId, role: 'FACILITATOR' }));
  });

  it('F11 a member banned while offline is refused on reconnect and receives no missed packet', async () => {
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE' });
    const dara = await rs.connect('dara@example.org');
    const daraWire = wire(dara);
    await join(dara, discussionId);
    const member = await rs.connect('alex@example.org');
    await join(member, discussionId);
    const seen = waitFor(dara, 'question:asked');
    expect((await ask(member, discussionId, 'Before the ban', false)).ok).toBe(true);
    await seen;

    const offline = waitFor<string>(dara, 'disconnect');
    dara.io.engine.close();
    await offline;
    const cut = daraWire.frames.length;
    const daraId = await userId(rs.db, 'dara@example.org');
    const ban = await rs.server.as('admin@example.org', (admin) => banUser(admin, { userId: daraId, reason: 'Ban while offline test' }));
    expect(ban).toMatchObject({ ok: true });
    expect((await ask(member, discussionId, 'Missed by the banned member', false)).ok).toBe(true);

    const refused = new Promise<Error>((resolve) => dara.once('connect_error', resolve));
    dara.connect();
    expect((await refused).message).toBe('unauthenticated');
    // Engine frames only (open/ping), never an event: '2' is engine.io's ping; socket.io events start with '4'.
    expect(daraWire.frames.slice(cut).filter((f) => f.startsWith('42') || f.startsWith('43'))).toEqual([]);
    expect(daraWire.text()).not.toContain('Missed by the banned member');
    dara.close();
  });
});

describe('budgets that hold', () => {
  it('replaying one stored question id is bounded too: resends are answered, then rate_limited; still one row', async () => {
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE' });
    const member = await rs.connect(await createMember(rs.db, 'Resend Rowe'));
    await join(member, discussionId);
    const id = randomUUID();
    expect((await ask(member, discussionId, 'Stored once', false, id)).ok).toBe(true);
    const acks: Ack[] = [];
    for (let i = 0; i < 80 && !acks.some((a) => !a.ok); i++) acks.push(await ask(member, discussionId, 'Stored once', false, id));
    expect(acks.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(acks.filter((a) => a.ok).length).toBeGreaterThan(0); // a real outbox's resends still get their answer
    expect(await rs.db.question.count({ where: { discussionId } })).toBe(1);
  });

  it('questions:page follows the entry rule of the join: no agreement, no questions', async () => {
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE' });
    const stranger = await rs.connect(await createMember(rs.db, 'Page Peeker'));
    const page = await emit(stranger, 'questions:page', { discussionId, offset: 0 });
    expect(page).toMatchObject({ ok: false, error: { code: 'agreement_required' } });
    await join(stranger, discussionId);
    expect((await emit(stranger, 'questions:page', { discussionId, offset: 0 })).ok).toBe(true);
  });

  it('a refused ask spends nothing and marks nothing: resending refused ids stores nothing more (5 per 30 s)', async () => {
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE' });
    const maya = await rs.connect('maya@example.org');
    await join(maya, discussionId);
    const ids = Array.from({ length: 12 }, () => randomUUID());
    const first = await Promise.all(ids.map((id, i) => ask(maya, discussionId, `Budget ${i}`, false, id)));
    const stored = ids.filter((_, i) => first[i].ok);
    const refused = ids.filter((_, i) => !first[i].ok);
    expect(stored).toHaveLength(5);
    for (const r of first.filter((a) => !a.ok)) expect(r).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    // Resend every refused id twice: still refused, nothing stored.
    for (let round = 0; round < 2; round++) {
      const again = await Promise.all(refused.map((id) => ask(maya, discussionId, 'Resent', false, id)));
      for (const r of again) expect(r).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    }
    expect(await rs.db.question.count({ where: { discussionId } })).toBe(5);
    // A resend of a stored question is recognised by its row and answered, even with the budget spent.
    const resend = await ask(maya, discussionId, 'Budget 0', false, stored[0]);
    expect(resend).toMatchObject({ ok: true, data: { id: stored[0] } });
    expect(await rs.db.question.count({ where: { discussionId } })).toBe(5);
  });

  it('edits have a budget: of 60 edits sent one after another only a few are applied and broadcast, then rate_limited', async () => {
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE' });
    const author = await rs.connect('chen@example.org');
    await join(author, discussionId);
    const watcher = await rs.connect('eli@example.org');
    await join(watcher, discussionId);
    const q = await ask(author, discussionId, 'A question to edit', false);
    expect(q.ok).toBe(true);
    const questionId = (q as { data: QuestionView }).data.id;
    const edits: string[] = [];
    watcher.on('question:edited', (v: QuestionView) => void edits.push(v.body));
    // One at a time, each after the last one's answer: no in-flight cap helps here, only a per-person budget.
    const acks: Ack[] = [];
    for (let i = 0; i < 60 && !acks.some((a) => !a.ok); i++) acks.push(await emit(author, 'question:edit', { questionId, body: `Edit ${i}` }));
    const applied = acks.filter((a) => a.ok).length;
    expect(acks.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(applied).toBeGreaterThan(0);
    expect(applied).toBeLessThanOrEqual(20);
    const stored = await rs.db.question.findUniqueOrThrow({ where: { id: questionId }, select: { body: true } });
    expect(stored.body).toBe(`Edit ${applied - 1}`);
    await until(() => edits.at(-1) === stored.body, 5000, 'the last applied edit to be broadcast');
    expect(edits).toHaveLength(applied);
  });

  it('the join state is bounded: 250 questions → 200 in the join answer (own question included), the rest paged on request', async () => {
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE' });
    const alexId = await userId(rs.db, 'alex@example.org');
    const beaId = await userId(rs.db, 'bea@example.org');
    const t0 = Date.now() - 60_000;
    await rs.db.question.createMany({
      data: Array.from({ length: 249 }, (_, i) => ({
        id: randomUUID(),
        discussionId,
        authorId: alexId,
        body: `Stored ${i}`,
        voteCount: i + 1,
        createdAt: new Date(t0 + i),
      })),
    });
    // Bea's own question has no votes: the least relevant, yet she must see it.
    const own = randomUUID();
    await rs.db.question.create({ data: { id: own, discussionId, authorId: beaId, body: 'My own quiet question', createdAt: new Date(t0 - 1000) } });
    const bea = await rs.connect('bea@example.org');
    const state: RoomState = await join(bea, discussionId);
    expect(state.questionCount).toBe(250);
    expect(state.questions.length).toBeLessThanOrEqual(201);
    expect(state.questions.map((q) => q.id)).toContain(own);
    expect(state.nextOffset).not.toBeNull();
    const all = new Set(state.questions.map((q) => q.id));
    let offset: number | null = state.nextOffset;
    while (offset !== null) {
      const page = await emit<{ questions: QuestionView[]; nextOffset: number | null }>(bea, 'questions:page', { discussionId, offset });
      if (!page.ok) throw new Error(page.error.message);
      for (const q of page.data.questions) all.add(q.id);
      offset = page.data.nextOffset;
    }
    expect(all.size).toBe(250);
  });
});

describe('the audience sees only what the audience may see', () => {
  it('replies and answered marks on a pending question reach moderators and its author only; staff names carry a server-made badge', async () => {
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE', moderationMode: 'PRE', facilitatorEmails: ['sam@example.org'] });
    const sam = await rs.connect('sam@example.org');
    await join(sam, discussionId);
    const author = await rs.connect('alex@example.org');
    await join(author, discussionId);
    const bystander = await rs.connect('chen@example.org');
    const bystanderWire = wire(bystander);
    await join(bystander, discussionId);

    const pending = await ask(author, discussionId, 'Held for review: please do not show me yet', false);
    expect(pending).toMatchObject({ ok: true, data: { status: 'PENDING' } });
    const questionId = (pending as { data: QuestionView }).data.id;
    const toAuthor = waitFor<{ questionId: string; reply: { authorName: string; authorBadge: string } }>(author, 'question:replied');
    const replied = await emit(sam, 'question:reply', { questionId, body: 'Thanks, we will take this one privately.' });
    expect(replied.ok).toBe(true);
    expect((await toAuthor).reply).toMatchObject({ authorName: 'Sam Lindqvist', authorBadge: 'facilitator' });
    const answered = waitFor(author, 'question:answered');
    expect((await emit(sam, 'question:answer', { questionId })).ok).toBe(true);
    await answered;

    // Barrier for the bystander: a visible question asked after reaches them, so the earlier frames would have too.
    const visible = waitFor<QuestionView>(bystander, 'question:asked');
    expect((await ask(sam, discussionId, 'A facilitator asks in the open', false)).ok).toBe(true);
    const v = await visible;
    expect(v.author).toMatchObject({ name: 'Sam Lindqvist', badge: 'facilitator' });
    expect(v.author).not.toHaveProperty('id');
    expect(bystanderWire.text()).not.toContain(questionId);
    expect(bystanderWire.text()).not.toContain('we will take this one privately');

    // Members never get a badge: the author's own view of their question.
    const mine = await join(author, discussionId);
    expect(mine.questions.find((q) => q.id === questionId)?.author).toMatchObject({ name: 'Alex', badge: null });
  });
});
