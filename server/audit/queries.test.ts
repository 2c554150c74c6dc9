// Reading the audit log (issue 9 item 7): admins read all of it with filters (discussion, person, action, UTC
// days); a discussion's hosts read that discussion's part; an anonymous asker is never named (F27).
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AuditEvent } from '@/lib/audit/schema';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { recordAudit } from './commands';
import { auditFilterOptions, listAuditEntries, listDiscussionAuditEntries } from './queries';

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; name?: string; issues?: { message: string }[]; message: string };
    return { code: e.code ?? (e.name === 'ZodError' ? 'validation_error' : 'other'), message: e.issues?.[0]?.message ?? e.message };
  }
  throw new Error('expected a refusal');
};

describeDialects('reading the audit log', (dialect) => {
  useDialectDatabase(dialect.make);
  let admin: Actor;
  let host: Actor;
  let otherHost: Actor;
  let facilitator: Actor;
  let member: Actor;
  let asker: Actor;
  let discussion: string;
  let other: string;
  let anonymousQ: string;
  let namedQ: string;

  const record = (actor: Actor | null, event: AuditEvent, discussionId?: string) => db().$transaction((tx) => recordAudit(tx, actor, event, discussionId));
  const makeDiscussion = async (title: string, hostId: string, facilitatorId?: string) =>
    (
      await db().discussion.create({
        data: {
          title,
          description: 'x',
          startsAt: new Date(),
          timeZone: 'UTC',
          localStart: '2026-01-01T00:00',
          durationMinutes: 60,
          agreementText: 'x',
          createdById: hostId,
          staff: { create: [{ userId: hostId, role: 'HOST' }, ...(facilitatorId ? [{ userId: facilitatorId, role: 'FACILITATOR' as const }] : [])] },
        },
      })
    ).id;

  it('setup: two discussions, an anonymous and a named question, and moderation entries in each', async () => {
    admin = await makeActor('ADMIN', 'Ada Admin');
    host = await makeActor('ELDER', 'Rowan Host');
    otherHost = await makeActor('ELDER', 'Maya Host');
    facilitator = await makeActor('FACILITATOR', 'Sam Facilitator');
    member = await makeActor('MEMBER', 'Alex Member');
    asker = await makeActor('MEMBER', 'Secret Asker');
    discussion = await makeDiscussion('Integration circle', host.id, facilitator.id);
    other = await makeDiscussion('Another circle', otherHost.id);
    anonymousQ = randomUUID();
    namedQ = randomUUID();
    await db().question.create({ data: { id: anonymousQ, discussionId: discussion, authorId: asker.id, body: 'How do I tell my family?', anonymous: true } });
    await db().question.create({ data: { id: namedQ, discussionId: discussion, authorId: member.id, body: 'x'.repeat(120) } });
    await db().pseudonym.create({ data: { discussionId: discussion, userId: asker.id, name: 'Anonymous heron' } });

    await record(facilitator, { action: 'question.approved', target: { type: 'question', id: namedQ } }, discussion);
    await record(facilitator, { action: 'question.rejected', target: { type: 'question', id: anonymousQ }, reason: 'Please rephrase kindly' }, discussion);
    // The anonymous asker acts on their own question (as a resubmission would be recorded): never by their name.
    await record(asker, { action: 'question.approved', target: { type: 'question', id: anonymousQ } }, discussion);
    await record(
      host,
      {
        action: 'participant.muted',
        target: { type: 'question', id: anonymousQ },
        reason: 'Heated',
        detail: { minutes: 15, pseudonym: 'Anonymous heron' },
      },
      discussion,
    );
    await record(
      host,
      { action: 'question.author_revealed', target: { type: 'question', id: anonymousQ }, reason: 'Safety concern', detail: { pseudonym: 'Anonymous heron' } },
      discussion,
    );
    await record(otherHost, { action: 'question.hidden', target: { type: 'question', id: namedQ } }, other);
    await record(facilitator, { action: 'question.merged', target: { type: 'question', id: anonymousQ }, detail: { intoId: namedQ } }, discussion);
    await record(admin, { action: 'user.banned', target: { type: 'user', id: member.id }, reason: 'Spam' });
  });

  it('admins read every entry, each action with its discussion; everyone else is refused', async () => {
    const log = await listAuditEntries(admin);
    expect(log.total).toBe(8);
    // A merge names the question it went into by the start of its text.
    expect(log.entries.find((e) => e.action === 'question.merged')?.detail).toBe(`Merged into “${'x'.repeat(79)}…”`);
    expect(log.entries[0]).toMatchObject({ action: 'user.banned', actorName: 'Ada Admin', target: { type: 'user', name: 'Alex Member' }, discussion: null });
    const approved = log.entries.find((e) => e.action === 'question.approved' && e.target.id === namedQ);
    expect(approved).toMatchObject({ actorName: 'Sam Facilitator', discussion: { id: discussion, title: 'Integration circle' } });
    expect(approved?.target.name).toBe(`${'x'.repeat(79)}…`);
    for (const who of [host, facilitator, member]) expect((await refusal(listAuditEntries(who))).code).toBe('forbidden');
    for (const who of [host, facilitator, member]) expect((await refusal(auditFilterOptions(who))).code).toBe('forbidden');
  });

  it('filters: discussion, person, action, UTC days (both included); combined; bad ones refused clearly', async () => {
    expect((await listAuditEntries(admin, { discussionId: other })).entries.map((e) => e.action)).toEqual(['question.hidden']);
    expect((await listAuditEntries(admin, { discussionId: discussion })).total).toBe(6);
    expect((await listAuditEntries(admin, { actorId: facilitator.id })).entries.map((e) => e.action).sort()).toEqual([
      'question.approved',
      'question.merged',
      'question.rejected',
    ]);
    expect((await listAuditEntries(admin, { action: 'question.approved' })).total).toBe(2);
    expect((await listAuditEntries(admin, { action: 'question.approved', actorId: facilitator.id, discussionId: discussion })).total).toBe(1);

    // Dates: the ban on 2026-03-01 23:59 UTC, the hide on 2026-03-02 00:00 UTC; the rest stay today.
    await db().auditEntry.updateMany({ where: { action: 'user.banned' }, data: { at: new Date('2026-03-01T23:59:59.999Z') } });
    await db().auditEntry.updateMany({ where: { action: 'question.hidden' }, data: { at: new Date('2026-03-02T00:00:00.000Z') } });
    const actions = async (f: Record<string, string>) => (await listAuditEntries(admin, f)).entries.map((e) => e.action);
    expect(await actions({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['user.banned']);
    expect(await actions({ from: '2026-03-02', to: '2026-03-02' })).toEqual(['question.hidden']);
    expect(await actions({ from: '2026-03-01', to: '2026-03-02' })).toEqual(['question.hidden', 'user.banned']);
    expect(await actions({ to: '2026-03-01' })).toEqual(['user.banned']);
    expect((await actions({ from: '2026-03-02' })).length).toBe(7);

    expect(await refusal(listAuditEntries(admin, { from: '2026-03-05', to: '2026-03-01' }))).toEqual({
      code: 'validation_error',
      message: 'The end date is before the start date.',
    });
    expect((await refusal(listAuditEntries(admin, { from: '2026-02-30' }))).message).toBe('Choose a start date that exists.');
    expect((await refusal(listAuditEntries(admin, { to: 'yesterday' }))).code).toBe('validation_error');
    expect((await refusal(listAuditEntries(admin, { action: 'question.eaten' }))).message).toBe('Choose an action from the list.');
    expect((await refusal(listAuditEntries(admin, { userId: member.id }))).code).toBe('validation_error');
  });

  it("a discussion's hosts (and admins) read its entries alone; its facilitators, members and other hosts are refused", async () => {
    const mine = await listDiscussionAuditEntries(host, discussion);
    expect(mine.discussion).toEqual({ id: discussion, title: 'Integration circle' });
    expect(mine.log.total).toBe(6);
    expect(mine.log.entries.every((e) => e.discussion?.id === discussion)).toBe(true);
    // A discussion filter cannot widen it.
    expect((await listDiscussionAuditEntries(host, discussion, { discussionId: other })).log.total).toBe(6);
    expect((await listDiscussionAuditEntries(admin, other)).log.entries.map((e) => e.action)).toEqual(['question.hidden']);
    for (const who of [facilitator, member, otherHost, asker]) expect((await refusal(listDiscussionAuditEntries(who, discussion))).code).toBe('forbidden');
    expect((await refusal(listDiscussionAuditEntries(host, 'no-such-discussion'))).code).toBe('not_found');
    expect((await refusal(listDiscussionAuditEntries(host, 'x'.repeat(65)))).code).toBe('not_found');
    // A host demoted below elder keeps the staff row but not the right.
    await db().user.update({ where: { id: host.id }, data: { role: 'FACILITATOR' } });
    expect((await refusal(listDiscussionAuditEntries({ ...host, role: 'FACILITATOR' }, discussion))).code).toBe('forbidden');
    await db().user.update({ where: { id: host.id }, data: { role: 'ELDER' } });

    const filtered = await listDiscussionAuditEntries(host, discussion, { action: 'question.rejected' });
    expect(filtered.log.entries.map((e) => [e.actorName, e.reason])).toEqual([['Sam Facilitator', 'Please rephrase kindly']]);
    // The lists offer this discussion's actions, and its staff who acted (never an asker).
    expect(mine.options.actions).toEqual(['participant.muted', 'question.approved', 'question.author_revealed', 'question.merged', 'question.rejected']);
    expect(mine.options.actors.map((a) => a.name)).toEqual(['Rowan Host', 'Sam Facilitator']);
    expect(mine.options.discussions).toEqual([]);
  });

  it('F27: no view names an anonymous asker — not as the actor on their own question, not through a filter by their id', async () => {
    const seen = [
      await listAuditEntries(admin),
      (await listDiscussionAuditEntries(host, discussion)).log,
      (await listDiscussionAuditEntries(host, discussion, { action: 'question.approved' })).log,
    ];
    for (const log of seen) {
      const text = JSON.stringify(log);
      expect(text).not.toContain('Secret Asker');
      expect(text).not.toContain(asker.id);
      expect(text).not.toContain(asker.email);
    }
    const own = seen[1].entries.find((e) => e.action === 'question.approved' && e.target.id === anonymousQ);
    expect(own?.actorName).toBe('Anonymous heron');
    expect(own?.target.name).toBe('How do I tell my family?');
    const reveal = seen[1].entries.find((e) => e.action === 'question.author_revealed');
    expect(reveal).toMatchObject({ actorName: 'Rowan Host', reason: 'Safety concern', detail: 'Anonymous heron' });
    const mute = seen[1].entries.find((e) => e.action === 'participant.muted');
    expect(mute).toMatchObject({ target: { type: 'question', name: 'How do I tell my family?' }, detail: '15 minutes · Anonymous heron' });

    // Filtering by the asker's id must not pick out their pseudonymous entries (that would say who the pseudonym is).
    expect((await listAuditEntries(admin, { actorId: asker.id })).total).toBe(0);
    expect((await listDiscussionAuditEntries(host, discussion, { actorId: asker.id })).log.total).toBe(0);
    // Without a pseudonym row, still no name.
    await db().pseudonym.deleteMany({ where: { userId: asker.id } });
    expect((await listAuditEntries(admin)).entries.find((e) => e.action === 'question.approved' && e.target.id === anonymousQ)?.actorName).toBe(
      'The anonymous asker',
    );
  });

  it('the admin filter lists: staff people (and whoever is selected), discussions that started (and the selected one)', async () => {
    const later = await makeDiscussion('Next month', host.id);
    await db().discussion.update({ where: { id: later }, data: { startsAt: new Date(Date.now() + 30 * 86_400_000) } });
    const options = await auditFilterOptions(admin);
    expect(options.actors.map((a) => a.name)).toEqual(['Ada Admin', 'Maya Host', 'Rowan Host', 'Sam Facilitator']);
    expect(options.discussions.map((d) => d.title).sort()).toEqual(['Another circle', 'Integration circle']);
    expect(options.actions).toContain('question.author_revealed');
    const selected = await auditFilterOptions(admin, { actorId: member.id, discussionId: later });
    expect(selected.actors.map((a) => a.name)).toContain('Alex Member');
    expect(selected.discussions.map((d) => d.title)).toContain('Next month');
  });
});
