// F27, anonymity that holds against the moderators themselves (issue 9 item 3): an anonymous asker reaches
// facilitators and hosts as a stable pseudonym per discussion, through every moderation action, join state, page,
// conflict answer, feed line, sanction and error; only an explicit reveal (with a reason) shows the name, to the
// revealer alone, audited, with a private notice to the author. Every frame every client receives is read raw.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { QuestionView } from '@/lib/live/views';
import type { QuestionReviewedEvent } from '@/lib/moderation/views';
import type { NotificationCreatedPayload } from '@/lib/notifications/views';
import { listAuditEntries, listDiscussionAuditEntries } from '../audit/queries';
import type { TestSocket } from './harness';
import { collect, createDiscussion, join, recordFrames, until, userId } from './live-fixtures';
import { roomServer } from './room-server';
import { describeDialects } from './temp-databases';

const rs = roomServer();

/** A member of their own with a distinctive name, so a leak of the name cannot hide in other text. */
async function secretAsker() {
  const tag = randomUUID().slice(0, 6);
  const email = `quiet-${tag}@example.org`;
  const displayName = `Quincy Hollowell ${tag}`;
  const u = await rs.db.user.create({ data: { email, displayName, passwordHash: 'x', role: 'MEMBER' } });
  return { email, displayName, id: u.id };
}

const ask = async (s: TestSocket, discussionId: string, body: string, anonymous: boolean) => {
  const res = await s.emitWithAck('question:ask', { discussionId, id: randomUUID(), body, anonymous });
  if (!res.ok) throw new Error(`ask failed: ${res.error.code} ${res.error.message}`);
  return res.data;
};

const ok = async (p: Promise<{ ok: boolean }>) => expect((await p).ok).toBe(true);

/** A socket.io frame's payload ("42[…]", an ack "43<id>[…]"), parsed; null for frames without one (pings). */
function payloadOf(frame: string): unknown {
  const start = frame.indexOf('[');
  return start < 0 ? null : JSON.parse(frame.slice(start));
}

/**
 * A frame without the attendee lists moderators get (who is in the room: kept on purpose, since presence does not
 * link anyone to a question); everything else of the frame stays, as it was on the wire.
 */
function withoutAttendees(frame: string): string {
  const start = frame.indexOf('[');
  if (start < 0) return frame;
  const strip = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(strip)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== 'attendees')
              .map(([k, x]) => [k, strip(x)]),
          )
        : v;
  return frame.slice(0, start) + JSON.stringify(strip(payloadOf(frame)));
}

/** Every frame that mentions the person in any way (their id, their name, their email), attendee lists aside. */
const leaks = (frames: string[], who: { id: string; displayName: string; email: string }) =>
  frames.map(withoutAttendees).filter((f) => f.includes(who.id) || f.includes(who.displayName) || f.includes(who.email));

/** Every question object anywhere in any frame (events, acks, join states, pages, conflict answers, feed lines). */
function questionsIn(frames: string[]): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string' && typeof o.body === 'string' && 'anonymous' in o) found.push(o);
      Object.values(o).forEach(walk);
    }
  };
  for (const f of frames) walk(payloadOf(f));
  return found;
}

/**
 * Waits until everything published before now has reached each client: a marker through the same paths (a vote
 * → the coalesced tallies; a join → the coalesced presence), awaited on every client, so "nothing else arrived"
 * can be asserted without sleeping.
 */
async function settle(discussionId: string, visibleQuestionId: string, frames: Record<string, string[]>) {
  const marker = await rs.connect((await secretAsker()).email);
  const from = Object.fromEntries(Object.entries(frames).map(([k, f]) => [k, f.length]));
  const count = (await join(marker, discussionId)).attendeeCount;
  expect((await marker.emitWithAck('question:vote', { questionId: visibleQuestionId })).ok).toBe(true);
  for (const [who, got] of Object.entries(frames)) {
    const since = () => got.slice(from[who]);
    await until(
      () =>
        since().some((f) => f.startsWith('2["question:voted"') && f.includes(visibleQuestionId)) &&
        since().some((f) => f.startsWith('2["presence:changed"') && f.includes(`"count":${count}`)),
      3000,
      `the marker reaches ${who}`,
    );
  }
  marker.close();
}

// Both databases (PostgreSQL when TEST_POSTGRES_URL is set).
describeDialects('F27 anonymous means anonymous, even to moderators', ({ make }) => {
  rs.use(make);

  it('no frame to the audience, two facilitators or the host carries the anonymous asker, across every action', async () => {
    const asker = await secretAsker();
    // Someone else asks by name: their frames name them to staff (the control that the scan below can fail).
    const namedAsker = await secretAsker();
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE', moderationMode: 'PRE', facilitatorEmails: ['sam@example.org', 'jordan@example.org'] });
    const [me, other, bea, sam, jordan, rowan] = await Promise.all([
      rs.connect(asker.email),
      rs.connect(namedAsker.email),
      rs.connect('bea@example.org'),
      rs.connect('sam@example.org'),
      rs.connect('jordan@example.org'),
      rs.connect('rowan@example.org'),
    ]);
    const watchers = { bea, sam, jordan, rowan };
    const frames = Object.fromEntries(Object.entries(watchers).map(([k, s]) => [k, recordFrames(s)]));
    for (const s of [me, other, bea, sam, jordan, rowan]) await join(s, discussionId);
    const samAsked = collect<QuestionView>(sam, 'question:asked');

    // Two anonymous questions by the asker, one named question by someone else.
    const a1 = await ask(me, discussionId, 'Is it normal to feel numb for weeks afterwards?', true);
    const a2 = await ask(me, discussionId, 'Should I tell my family what I took?', true);
    const named = await ask(other, discussionId, 'A named question from someone else', false);
    expect(a1.author).toBeNull();
    await until(() => samAsked.length === 3, 3000, 'the moderators see the three questions');
    const pseudonym = samAsked.find((q) => q.id === a1.id)?.pseudonym;
    expect(pseudonym).toMatch(/^Anonymous [a-z]/);
    // Stable per discussion: both anonymous questions carry the same pseudonym; the named one none.
    expect(samAsked.find((q) => q.id === a2.id)?.pseudonym).toBe(pseudonym);
    expect(samAsked.find((q) => q.id === named.id)).toMatchObject({ pseudonym: null, author: { id: namedAsker.id, name: namedAsker.displayName } });
    await ok(sam.emitWithAck('question:approve', { questionId: named.id }));
    // The author's own view: no author either (they know it is theirs through `mine`).
    expect(a1).toMatchObject({ author: null, pseudonym: null, heldFor: ['pre_moderation'] });

    // Every queue action on the anonymous questions, by two facilitators and the host.
    await ok(sam.emitWithAck('question:claim', { questionId: a1.id }));
    const taken = await jordan.emitWithAck('question:claim', { questionId: a1.id }); // conflict: carries the current moderator view
    expect(taken.ok).toBe(false);
    await ok(sam.emitWithAck('question:redact', { questionId: a1.id, body: 'Is it normal to feel numb for a while afterwards?', note: 'Shortened a little.' }));
    await ok(sam.emitWithAck('question:approve', { questionId: a1.id }));
    const stale = await jordan.emitWithAck('question:approve', { questionId: a1.id, version: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', current: { id: a1.id, pseudonym } } });
    await ok(rowan.emitWithAck('question:queue', { questionId: a1.id, position: 0 }));
    await ok(bea.emitWithAck('question:vote', { questionId: a1.id }));
    await ok(jordan.emitWithAck('question:reply', { questionId: a1.id, body: 'It can be; we will talk about it now.' }));
    await ok(rowan.emitWithAck('question:highlight', { discussionId, questionId: a1.id }));
    await ok(rowan.emitWithAck('question:answer', { questionId: a1.id }));
    await ok(rowan.emitWithAck('question:unanswer', { questionId: a1.id }));
    await ok(jordan.emitWithAck('question:hide', { questionId: a1.id }));
    await ok(jordan.emitWithAck('question:restore', { questionId: a1.id }));
    await ok(sam.emitWithAck('question:reject', { questionId: a2.id, reason: 'Please ask this one privately.' }));
    await ok(me.emitWithAck('question:resubmit', { questionId: a2.id, body: 'Should I tell my family about the retreat?' }));
    await ok(sam.emitWithAck('question:approve', { questionId: a2.id }));
    await ok(sam.emitWithAck('question:merge', { questionId: a2.id, intoId: a1.id }));
    // Sanctions through the question: staff know the person by pseudonym only.
    const muted = await jordan.emitWithAck('participant:mute', {
      discussionId,
      target: { questionId: a1.id },
      minutes: 15,
      reason: 'Let’s pause for a moment.',
    });
    expect(muted).toMatchObject({ ok: true, data: { kind: 'mute', target: { pseudonym, questionId: a1.id } } });
    const refused = await me.emitWithAck('question:ask', { discussionId, id: randomUUID(), body: 'Muted?', anonymous: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'muted' } });
    await ok(jordan.emitWithAck('participant:unmute', { discussionId, target: { questionId: a1.id } }));
    const state = await sam.emitWithAck('moderation:state', { discussionId });
    expect(state.ok && state.data.feed.length).toBeGreaterThan(10);
    expect(state.ok && state.data.feed.find((f) => f.action === 'muted')?.target).toEqual({ pseudonym, questionId: a1.id });
    // Join states and pages of everyone, as the console and the room load them.
    for (const s of [bea, sam, jordan, rowan]) {
      await join(s, discussionId);
      expect((await s.emitWithAck('questions:page', { discussionId, offset: 0 })).ok).toBe(true);
    }
    // The audit log as its readers read it (the host: this discussion's log; an admin: the whole log) names the
    // question and the pseudonym, never the person.
    const hostLog = await rs.server.as('rowan@example.org', (host) => listDiscussionAuditEntries(host, discussionId));
    const adminLog = await rs.server.as('admin@example.org', (admin) => listAuditEntries(admin, { discussionId }));
    if (!hostLog.ok || !adminLog.ok) throw new Error('the log could not be read');
    expect(hostLog.data.log.entries.length).toBeGreaterThan(10);
    for (const log of [hostLog.data, adminLog.data]) {
      const text = JSON.stringify(log);
      expect([asker.id, asker.displayName, asker.email].filter((x) => text.includes(x))).toEqual([]);
    }
    expect(
      hostLog.data.log.entries
        .filter((e) => e.action.startsWith('participant.'))
        .map((e) => [e.action, e.target.type, e.target.id, e.detail])
        .reverse(),
    ).toEqual([
      ['participant.muted', 'question', a1.id, `15 minutes · ${pseudonym}`],
      ['participant.unmuted', 'question', a1.id, pseudonym],
    ]);

    await settle(discussionId, a1.id, frames);
    for (const [who, got] of Object.entries(frames)) {
      // Control: each client did receive frames about the anonymous question (so the check below can fail)…
      expect(got.filter((f) => f.includes(a1.id)).length, who).toBeGreaterThan(0);
      // …and the named question's frames name its asker to staff, so a leak would be seen.
      if (who !== 'bea') expect(leaks(got, namedAsker).length, who).toBeGreaterThan(0);
      // No frame names the anonymous asker (join states, pages, acks, conflicts, feed lines, sanctions included).
      expect(leaks(got, asker), who).toEqual([]);
      // And every anonymous question object on the wire has no author.
      const anonymous = questionsIn(got).filter((q) => q.anonymous === true);
      expect(anonymous.length, who).toBeGreaterThan(0);
      expect(
        anonymous.filter((q) => q.author !== null),
        who,
      ).toEqual([]);
      expect(questionsIn(got).some((q) => q.id === named.id && q.author !== null)).toBe(true);
    }
  });

  it('pseudonyms differ between discussions and between askers', async () => {
    const [p1, p2] = [await secretAsker(), await secretAsker()];
    const names = new Set<string>();
    const [s1, s2, sam] = await Promise.all([rs.connect(p1.email), rs.connect(p2.email), rs.connect('sam@example.org')]);
    const perDiscussion: string[][] = [];
    for (let i = 0; i < 4; i++) {
      const discussionId = await createDiscussion(rs.db, { status: 'LIVE' });
      for (const s of [s1, s2, sam]) await join(s, discussionId);
      const q1 = await ask(s1, discussionId, `First asker, circle ${i}`, true);
      const q2 = await ask(s2, discussionId, `Second asker, circle ${i}`, true);
      const seen = (await join(sam, discussionId)).questions;
      const pair = [seen.find((q) => q.id === q1.id)!.pseudonym!, seen.find((q) => q.id === q2.id)!.pseudonym!];
      expect(pair[0]).not.toBe(pair[1]);
      perDiscussion.push(pair);
      names.add(pair[0]);
    }
    // Drawn afresh in each discussion (four equal draws out of hundreds would be a stable, linkable name).
    expect(names.size).toBeGreaterThan(1);
    expect(await rs.db.pseudonym.count({ where: { userId: p1.id } })).toBe(4);
  });

  it('reveal: the ack alone carries the name; audited with the reason; the author is told who looked and why; no other frame names them', async () => {
    const asker = await secretAsker();
    const discussionId = await createDiscussion(rs.db, { status: 'LIVE', facilitatorEmails: ['sam@example.org', 'jordan@example.org'] });
    const [me, bea, sam, jordan, rowan] = await Promise.all([
      rs.connect(asker.email),
      rs.connect('bea@example.org'),
      rs.connect('sam@example.org'),
      rs.connect('jordan@example.org'),
      rs.connect('rowan@example.org'),
    ]);
    const frames = { bea: recordFrames(bea), sam: recordFrames(sam), jordan: recordFrames(jordan), rowan: recordFrames(rowan) };
    for (const s of [me, bea, sam, jordan, rowan]) await join(s, discussionId);
    const q = await ask(me, discussionId, 'I am worried about a friend who is not safe right now', true);
    expect(q.status).toBe('VISIBLE');
    const notices = collect<NotificationCreatedPayload>(me, 'notification:created');
    const reviewed = collect<QuestionReviewedEvent>(me, 'question:reviewed');

    // A member cannot reveal; nothing is written.
    expect(await bea.emitWithAck('author:reveal', { questionId: q.id, reason: 'curious' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rs.db.auditEntry.count({ where: { targetId: q.id } })).toBe(0);

    const reason = 'Possible risk to someone’s safety; we need to reach out.';
    const revealed = await sam.emitWithAck('author:reveal', { questionId: q.id, reason });
    expect(revealed).toEqual({ ok: true, data: { name: asker.displayName } });
    await until(() => notices.length === 1 && reviewed.length === 1, 3000, 'the author is told');
    expect(notices[0].notification).toMatchObject({ type: 'author_revealed', body: expect.stringContaining('Sam Lindqvist') });
    expect(notices[0].notification.body).toContain(reason);
    expect(reviewed[0]).toMatchObject({ action: 'revealed', question: { id: q.id }, message: expect.stringContaining(reason) });
    const samId = await userId(rs.db, 'sam@example.org');
    const pseudonym = (await rs.db.pseudonym.findFirstOrThrow({ where: { discussionId, userId: asker.id } })).name;
    expect(
      await rs.db.auditEntry.findMany({
        where: { targetId: q.id },
        select: { action: true, actorId: true, reason: true, detail: true, targetType: true, discussionId: true },
      }),
    ).toEqual([{ action: 'question.author_revealed', actorId: samId, reason, detail: pseudonym, targetType: 'question', discussionId }]);

    await settle(discussionId, q.id, frames); // anything that would follow the reveal has arrived
    // The revealer: exactly one frame names the person — the ack (a socket.io ack packet: "3<id>[…]").
    const samNamed = leaks(frames.sam, asker);
    expect(samNamed).toHaveLength(1);
    expect(samNamed[0]).toBe(`${samNamed[0].match(/^3\d+/)?.[0]}[{"ok":true,"data":{"name":"${asker.displayName}"}}]`);
    for (const who of ['bea', 'jordan', 'rowan'] as const) {
      expect(frames[who].filter((f) => f.includes(q.id)).length, who).toBeGreaterThan(0);
      expect(leaks(frames[who], asker), who).toEqual([]);
    }
  });
});
