// The staff backchannel over real sockets (issue 10 item 5): a message reaches every staff socket (hosts,
// facilitators, a moderating admin) and no audience socket in any frame (F28: the raw frames are searched for the
// message text); members can neither post nor read (F09); a facilitator removed from the staff stops receiving
// and is refused (F10); the console's load brings the newest 100, oldest first. Bounds come from the issue brief:
// 1..1000 characters, the newest 100 on load.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { StaffMessageView } from '@/lib/backchannel/views';
import type { QuestionView } from '@/lib/live/views';
import { updateDiscussion } from '../discussions/commands';
import type { TestSocket } from './harness';
import { collect, createDiscussion, createMember, discussionEditInput, join, recordFrames, until, userId } from './live-fixtures';
import { roomServer } from './room-server';
import { describeDialects } from './temp-databases';

const rs = roomServer();

/** A live post-moderated discussion: Rowan hosts, Sam and Jordan facilitate, Ada (admin) moderates; two members. */
async function room() {
  const discussionId = await createDiscussion(rs.db, { status: 'LIVE', moderationMode: 'POST', facilitatorEmails: ['sam@example.org', 'jordan@example.org'] });
  const [rowan, sam, jordan, admin] = await Promise.all(['rowan@example.org', 'sam@example.org', 'jordan@example.org', 'admin@example.org'].map(rs.staff));
  const members = await Promise.all([rs.connect(await createMember(rs.db)), rs.connect(await createMember(rs.db))]);
  for (const s of [rowan, sam, jordan, admin, ...members]) await join(s, discussionId);
  return { discussionId, rowan, sam, jordan, admin, members };
}

/** Everything sent to the room before this returns has reached `sockets`: a member's question, seen by each. */
async function barrier(discussionId: string, asker: TestSocket, sockets: TestSocket[]) {
  const seen = sockets.map((s) => collect<QuestionView>(s, 'question:asked'));
  const id = randomUUID();
  const res = await asker.emitWithAck('question:ask', { discussionId, id, body: `Barrier ${id}`, anonymous: false });
  expect(res).toMatchObject({ ok: true, data: { status: 'VISIBLE' } });
  await until(() => seen.every((list) => list.some((q) => q.id === id)), 5000, 'the barrier question everywhere');
}

const post = (s: TestSocket, discussionId: string, body: string) => s.emitWithAck('backchannel:post', { discussionId, body });

describeDialects('staff backchannel', ({ make }) => {
  rs.use(make);

  it('F28 a message reaches every staff socket (host, facilitators, moderating admin) and no audience socket, in any frame', async () => {
    const { discussionId, rowan, sam, jordan, admin, members } = await room();
    const staffSockets = [rowan, sam, jordan, admin];
    const received = staffSockets.map((s) => collect<StaffMessageView>(s, 'backchannel:posted'));
    const audienceFrames = members.map(recordFrames);
    const text = `Can someone take the next one? ${randomUUID()}`;

    const ack = await post(sam, discussionId, `  ${text}\u200b `);
    expect(ack).toMatchObject({
      ok: true,
      data: { discussionId, body: text, author: { id: await userId(rs.db, 'sam@example.org'), name: 'Sam Lindqvist', badge: 'facilitator' } },
    });
    const id = (ack as { data: StaffMessageView }).data.id;
    await until(() => received.every((list) => list.some((m) => m.id === id)), 5000, 'the message at every staff socket');
    for (const list of received) expect(list.filter((m) => m.id === id)).toEqual([(ack as { data: StaffMessageView }).data]);

    // What the room was sent after the message has arrived: had the message gone to the audience, it came first.
    await barrier(discussionId, members[0], members);
    // The join state the audience gets carries none of it either.
    for (const m of members) await join(m, discussionId);
    for (const frames of audienceFrames) {
      const wire = frames.join('\n');
      expect(wire).toContain('Barrier');
      expect(wire).not.toContain(text);
      expect(wire).not.toContain(id);
      expect(wire).not.toContain('backchannel');
    }
    expect(await rs.db.staffMessage.findMany({ where: { discussionId }, select: { body: true, authorId: true } })).toEqual([
      { body: text, authorId: await userId(rs.db, 'sam@example.org') },
    ]);

    // Badges follow the rights in this discussion: host, admin.
    const byRowan = await post(rowan, discussionId, 'The host here');
    const byAdmin = await post(admin, discussionId, 'The admin here');
    expect(byRowan).toMatchObject({ ok: true, data: { author: { name: 'Rowan Greywater', badge: 'host' } } });
    expect(byAdmin).toMatchObject({ ok: true, data: { author: { name: 'Ada Brightwater', badge: 'admin' } } });
  });

  it('F09 a member can neither post nor read: forbidden, nothing written, nothing on their wire', async () => {
    const { discussionId, sam, members } = await room();
    const frames = recordFrames(members[0]);
    const secret = `Staff only ${randomUUID()}`;
    expect(await post(sam, discussionId, secret)).toMatchObject({ ok: true });

    expect(await post(members[0], discussionId, 'Let me in')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await members[0].emitWithAck('backchannel:load', { discussionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Spoofing an author does not pass the schema (identity only from the session).
    const spoofed = await members[0].emitWithAck('backchannel:post', {
      discussionId,
      body: 'As Sam',
      authorId: await userId(rs.db, 'sam@example.org'),
    } as never);
    expect(spoofed).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await rs.db.staffMessage.count({ where: { discussionId } })).toBe(1);
    expect(frames.join('\n')).not.toContain(secret);

    // Staff of another discussion are members here.
    const other = await createDiscussion(rs.db, { status: 'LIVE', hostEmail: 'maya@example.org', facilitatorEmails: [] });
    expect(await post(sam, other, 'Wrong room')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rs.db.staffMessage.count({ where: { discussionId: other } })).toBe(0);
  });

  it('F03 bad input: empty, over 1000 characters, wrong types → validation error, nothing written', async () => {
    const { discussionId, sam } = await room();
    for (const body of ['', ' \u200b ', 'x'.repeat(1001), { $ne: null }, ['hi']]) {
      expect(await sam.emitWithAck('backchannel:post', { discussionId, body } as never)).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    }
    expect(await post(sam, discussionId, 'x'.repeat(1000))).toMatchObject({ ok: true });
    expect(await rs.db.staffMessage.count({ where: { discussionId } })).toBe(1);
  });

  it('kept with the discussion: the load brings the newest 100, oldest first, to staff', async () => {
    const { discussionId, jordan } = await room();
    const samId = await userId(rs.db, 'sam@example.org');
    const start = Date.now() - 200 * 60_000;
    for (let i = 1; i <= 105; i++) {
      await rs.db.staffMessage.create({ data: { discussionId, authorId: samId, body: `Message ${i}`, createdAt: new Date(start + i * 60_000) } });
    }
    const res = await jordan.emitWithAck('backchannel:load', { discussionId });
    expect(res.ok).toBe(true);
    const list = (res as { data: StaffMessageView[] }).data;
    expect(list).toHaveLength(100);
    expect(list[0]).toMatchObject({ body: 'Message 6', author: { name: 'Sam Lindqvist', badge: 'facilitator' } });
    expect(list[99].body).toBe('Message 105');
  });

  it('F10 a facilitator removed from the staff stops receiving at once; their post and load are refused', async () => {
    const { discussionId, rowan, sam, jordan, members } = await room();
    const rightsChanged = new Promise((resolve) => jordan.once('discussion:rights-changed', resolve));
    const input = await discussionEditInput(rs.db, discussionId, {
      hostIds: [await userId(rs.db, 'rowan@example.org')],
      facilitatorIds: [await userId(rs.db, 'sam@example.org')],
    });
    expect(await rs.server.as('rowan@example.org', (host) => updateDiscussion(host, input))).toMatchObject({ ok: true });
    await rightsChanged;

    const jordanFrames = recordFrames(jordan);
    const rowanGot = collect<StaffMessageView>(rowan, 'backchannel:posted');
    const text = `After Jordan left the staff ${randomUUID()}`;
    expect(await post(sam, discussionId, text)).toMatchObject({ ok: true });
    await until(() => rowanGot.some((m) => m.body === text), 5000, 'the message at the host');
    // Jordan is still in the audience's room: the barrier reaches him after anything sent before it.
    await barrier(discussionId, members[0], [jordan]);
    expect(jordanFrames.join('\n')).not.toContain(text);

    expect(await post(jordan, discussionId, 'Still staff?')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await jordan.emitWithAck('backchannel:load', { discussionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await rs.db.staffMessage.count({ where: { discussionId, authorId: await userId(rs.db, 'jordan@example.org') } })).toBe(0);
  });
});
