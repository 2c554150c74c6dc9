// recordAudit and listAuditEntries against real databases (SQLite always; PostgreSQL when TEST_POSTGRES_URL is set).
import { expect, it } from 'vitest';
import type { AuditEvent } from '@/lib/audit/schema';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { toErrorBody } from '../errors';
import { createArticle, createModality } from '../library/commands';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { banUser, changeRole } from '../users/commands';
import { answeredBefore, recordAudit } from './commands';
import { listAuditEntries } from './queries';

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected a failure').toBeInstanceOf(Error);
  return toErrorBody(err);
}

const rowsAbout = (targetId: string) =>
  db().auditEntry.findMany({ where: { targetId }, select: { actorId: true, action: true, targetType: true, targetId: true, reason: true, detail: true } });

/** Resolves once the clock has moved on, so the next entry is strictly newer than the last (ordering tests). */
async function nextMillisecond() {
  const start = Date.now();
  while (Date.now() <= start + 1) await new Promise((r) => setImmediate(r));
}

let slugN = 0;
const articleInput = (modalityId: string, title: string) => ({
  title,
  slug: `audit-article-${++slugN}-${Date.now().toString(36)}`,
  modalityId,
  summary: 'A short summary of what this article covers for readers.',
  body: '## Why\n\nA body long enough to pass validation, about slow breathing.',
  benefits: '- Calmer start',
  risks: '- Light-headedness if overdone',
  contraindications: '- None known for gentle practice',
  legalStatus: 'Legal everywhere.',
  references: [{ text: 'A page about breathing practice and what it does', url: 'https://example.org/breathing' }],
});

describeDialects('audit', ({ make }) => {
  useDialectDatabase(make);

  it('recordAudit writes one typed entry on the caller’s transaction: actor, target, reason and detail', async () => {
    const admin = await makeActor('ADMIN');
    const member = await makeActor('MEMBER');
    await db().$transaction(async (tx) => {
      await recordAudit(tx, admin, { action: 'user.role_changed', target: { type: 'user', id: member.id }, detail: { from: 'MEMBER', to: 'ELDER' } });
      await recordAudit(tx, admin, { action: 'user.banned', target: { type: 'user', id: member.id }, reason: 'Shared a story outside the room' });
      await recordAudit(tx, null, { action: 'user.admin_created', target: { type: 'user', id: member.id }, detail: { via: 'npm run admin:create' } });
    });
    const rows = await rowsAbout(member.id);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { actorId: admin.id, action: 'user.role_changed', targetType: 'user', targetId: member.id, reason: null, detail: 'MEMBER → ELDER' },
        { actorId: admin.id, action: 'user.banned', targetType: 'user', targetId: member.id, reason: 'Shared a story outside the room', detail: null },
        { actorId: null, action: 'user.admin_created', targetType: 'user', targetId: member.id, reason: null, detail: 'npm run admin:create' },
      ]),
    );
  });

  it('moderation events carry the discussion and read as text: a redaction keeps the original, sanctions the pseudonym', async () => {
    const facilitator = await makeActor('FACILITATOR');
    const host = await makeActor('ELDER');
    const d = await db().discussion.create({
      data: {
        title: 'Audit circle',
        description: '',
        startsAt: new Date(),
        timeZone: 'UTC',
        localStart: '2026-01-01T00:00',
        durationMinutes: 60,
        agreementText: 'Be kind.',
        createdById: host.id,
      },
    });
    const q = { type: 'question', id: `q-${Date.now().toString(36)}` } as const;
    await db().$transaction(async (tx) => {
      await recordAudit(
        tx,
        facilitator,
        { action: 'question.redacted', target: q, detail: { before: 'Call Ana at 555-0100', after: 'Call a friend', note: 'Removed a number' } },
        d.id,
      );
      await recordAudit(
        tx,
        facilitator,
        { action: 'participant.muted', target: q, reason: 'A pause', detail: { minutes: 15, pseudonym: 'Anonymous fox' } },
        d.id,
      );
      await recordAudit(tx, facilitator, { action: 'question.queued', target: q, detail: { position: null } }, d.id);
      await recordAudit(tx, facilitator, { action: 'question.answered', target: q, detail: { position: 2, highlighted: true } }, d.id);
    });
    const rows = await db().auditEntry.findMany({
      where: { targetId: q.id },
      orderBy: { at: 'asc' },
      select: { action: true, detail: true, reason: true, discussionId: true },
    });
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          action: 'question.redacted',
          detail: 'Before: Call Ana at 555-0100\nAfter: Call a friend\nNote to the author: Removed a number',
          reason: null,
          discussionId: d.id,
        },
        { action: 'participant.muted', detail: '15 minutes · Anonymous fox', reason: 'A pause', discussionId: d.id },
        { action: 'question.queued', detail: 'Taken out of "up next"', reason: null, discussionId: d.id },
        { action: 'question.answered', detail: 'Was up next, position 3 · Was being answered now', reason: null, discussionId: d.id },
      ]),
    );
    // "Answered" keeps what it took away, for the undo.
    expect(answeredBefore('Was up next, position 3 · Was being answered now')).toEqual({ position: 2, highlighted: true });
    expect(answeredBefore(null)).toEqual({ position: null, highlighted: false });
    // A sanction names a person or a question, nothing else; a redaction needs its original.
    for (const bad of [
      { action: 'participant.removed', target: { type: 'article', id: 'x' }, reason: 'r', detail: {} },
      { action: 'question.redacted', target: q, detail: { after: 'x', note: 'y' } },
    ]) {
      const body = await errorOf(db().$transaction((tx) => recordAudit(tx, facilitator, bad as unknown as AuditEvent, d.id)));
      expect(body.code).toBe('validation_error');
    }
    expect(await db().auditEntry.count({ where: { targetId: q.id } })).toBe(4);
  });

  it('the entry rolls back with the change it records: a failing transaction leaves neither', async () => {
    const admin = await makeActor('ADMIN');
    const member = await makeActor('MEMBER');
    const boom = new Error('the change failed after it was audited');
    const err = await db()
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: member.id }, data: { role: 'ELDER' } });
        await recordAudit(tx, admin, { action: 'user.role_changed', target: { type: 'user', id: member.id }, detail: { from: 'MEMBER', to: 'ELDER' } });
        throw boom;
      })
      .catch((e: unknown) => e);
    expect(err).toBe(boom);
    expect(await rowsAbout(member.id)).toEqual([]);
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('MEMBER');
  });

  it('an event of the wrong shape is refused and rolls the change back: free action, wrong target type, missing reason, extra fields', async () => {
    const admin = await makeActor('ADMIN');
    const member = await makeActor('MEMBER');
    const before = await db().auditEntry.count();
    const bad = [
      { action: 'user.deleted', target: { type: 'user', id: member.id } },
      { action: 'user.banned', target: { type: 'article', id: member.id }, reason: 'wrong target type' },
      { action: 'user.banned', target: { type: 'user', id: member.id } },
      { action: 'user.banned', target: { type: 'user', id: member.id }, reason: '' },
      { action: 'user.banned', target: { type: 'user', id: member.id }, reason: 'x'.repeat(501) },
      { action: 'user.role_changed', target: { type: 'user', id: member.id }, detail: { from: 'MEMBER', to: 'OWNER' } },
      { action: 'user.role_changed', target: { type: 'user', id: member.id }, detail: 'MEMBER → ADMIN' },
      { action: 'user.unbanned', target: { type: 'user', id: member.id }, detail: { note: 'extra' } },
      { action: 'user.unbanned', target: { type: 'user', id: '' } },
    ];
    for (const event of bad) {
      const body = await errorOf(
        db().$transaction(async (tx) => {
          await tx.user.update({ where: { id: member.id }, data: { role: 'ELDER' } });
          await recordAudit(tx, admin, event as unknown as AuditEvent);
        }),
      );
      expect(body.code, JSON.stringify(event)).toBe('validation_error');
    }
    expect(await db().auditEntry.count()).toBe(before);
    expect((await db().user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('MEMBER');
  });

  it('listAuditEntries names every kind of target: user, article, modality, discussion, question; a gone target falls back to null', async () => {
    const admin = await makeActor('ADMIN', 'Ada Auditor');
    const elder = await makeActor('ELDER', 'Eli Elder');
    const member = await makeActor('MEMBER', 'Mo Member');
    await changeRole(admin, { userId: member.id, role: 'FACILITATOR' });
    const modality = await createModality(elder, {
      name: 'Breath Practice',
      slug: `breath-${Date.now().toString(36)}`,
      summary: 'Breathing practices and their effects.',
    });
    const article = await createArticle(elder, articleInput(modality.id, 'Slow breathing before a session'));
    // Discussions and questions have no audited action yet (the moderation queue adds them); their entries are
    // written here as that queue will write them.
    const discussion = await db().discussion.create({
      data: {
        title: 'Integration circle',
        description: 'd',
        startsAt: new Date(),
        timeZone: 'UTC',
        localStart: '2026-01-01T19:00',
        durationMinutes: 60,
        agreementText: 'Be kind.',
        createdById: admin.id,
      },
    });
    const body = 'What should I know before my first ceremony, and how do I find a guide I can trust with my history?';
    const question = await db().question.create({
      data: { id: `q-${Date.now().toString(36)}`, discussionId: discussion.id, authorId: member.id, body, anonymous: true },
    });
    await db().auditEntry.createMany({
      data: [
        { actorId: admin.id, action: 'discussion.cancelled', targetType: 'discussion', targetId: discussion.id, reason: 'Host is ill' },
        { actorId: admin.id, action: 'question.hidden', targetType: 'question', targetId: question.id, reason: 'Off topic' },
        { actorId: admin.id, action: 'question.hidden', targetType: 'question', targetId: 'no-such-question', reason: 'Gone since' },
      ],
    });

    const { entries } = await listAuditEntries(admin);
    const about = (id: string) => entries.filter((e) => e.target.id === id);
    expect(about(member.id)).toMatchObject([
      { action: 'user.role_changed', target: { type: 'user', name: 'Mo Member' }, actorName: 'Ada Auditor', detail: 'MEMBER → FACILITATOR' },
    ]);
    expect(about(modality.id)).toMatchObject([
      { action: 'modality.created', target: { type: 'modality', name: 'Breath Practice' }, actorName: 'Eli Elder', detail: 'Breath Practice' },
    ]);
    expect(about(article.id)).toMatchObject([
      { action: 'article.created', target: { type: 'article', name: 'Slow breathing before a session' }, detail: 'Slow breathing before a session' },
    ]);
    expect(about(discussion.id)).toMatchObject([
      { action: 'discussion.cancelled', target: { type: 'discussion', name: 'Integration circle' }, reason: 'Host is ill' },
    ]);
    const [q] = about(question.id);
    // A question is named by the start of its text (80 characters at most), never by its (anonymous) author.
    expect(q.target.name).toBe(`${body.slice(0, 79)}…`);
    expect(JSON.stringify(q)).not.toContain('Mo Member');
    expect(about('no-such-question')).toMatchObject([{ target: { type: 'question', id: 'no-such-question', name: null } }]);
  });

  it('listAuditEntries filters by target type, target, actor and action', async () => {
    const admin = await makeActor('ADMIN');
    const other = await makeActor('ADMIN');
    const a = await makeActor('MEMBER');
    const b = await makeActor('MEMBER');
    await changeRole(admin, { userId: a.id, role: 'ELDER' });
    await banUser(admin, { userId: b.id, reason: 'Harassed another member' });
    await changeRole(other, { userId: b.id, role: 'FACILITATOR' });

    const ids = (r: { entries: { target: { id: string }; action: string }[] }) => r.entries.map((e) => `${e.action}:${e.target.id}`).sort();
    expect(ids(await listAuditEntries(admin, { targetId: b.id }))).toEqual([`user.banned:${b.id}`, `user.role_changed:${b.id}`]);
    expect(ids(await listAuditEntries(admin, { targetId: b.id, action: 'user.banned' }))).toEqual([`user.banned:${b.id}`]);
    expect(ids(await listAuditEntries(admin, { actorId: other.id }))).toEqual([`user.role_changed:${b.id}`]);
    const users = await listAuditEntries(admin, { targetType: 'user' });
    expect(users.entries.every((e) => e.target.type === 'user')).toBe(true);
    expect((await listAuditEntries(admin, { targetType: 'discussion', targetId: a.id })).entries).toEqual([]);
  });

  it('listAuditEntries pages 100 entries at a time, newest first, without repeating or skipping one', async () => {
    const admin = await makeActor('ADMIN');
    const member = await makeActor('MEMBER');
    const roles = ['FACILITATOR', 'ELDER', 'MEMBER'] as const;
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 101; i++) {
        await recordAudit(tx, admin, {
          action: 'user.role_changed',
          target: { type: 'user', id: member.id },
          detail: { from: roles[i % 3], to: roles[(i + 1) % 3] },
        });
      }
    });
    await nextMillisecond();
    await recordAudit(db(), admin, { action: 'user.banned', target: { type: 'user', id: member.id }, reason: 'The newest entry' });

    const first = await listAuditEntries(admin, { targetId: member.id });
    expect(first).toMatchObject({ total: 102, page: 1, pages: 2 });
    expect(first.entries).toHaveLength(100);
    expect(first.entries[0]).toMatchObject({ action: 'user.banned', reason: 'The newest entry' });
    const second = await listAuditEntries(admin, { targetId: member.id, page: 2 });
    expect(second).toMatchObject({ total: 102, page: 2, pages: 2 });
    expect(second.entries).toHaveLength(2);
    const all = [...first.entries, ...second.entries].map((e) => e.id);
    expect(new Set(all).size).toBe(102);
    const at = [...first.entries, ...second.entries].map((e) => e.at.getTime());
    expect(at).toEqual([...at].sort((x, y) => y - x));
    expect((await listAuditEntries(admin, { targetId: member.id, page: 3 })).entries).toEqual([]);
  });

  it('only admins read the log; bad filters are a validation error', async () => {
    for (const role of ['MEMBER', 'FACILITATOR', 'ELDER'] as const) {
      const who: Actor = await makeActor(role);
      expect((await errorOf(listAuditEntries(who))).code).toBe('forbidden');
    }
    const admin = await makeActor('ADMIN');
    for (const filters of [{ targetType: 'pizza' }, { page: 0 }, { page: 'NaN' }, { targetId: { $ne: null } }, { action: 'user.deleted' }, { extra: 1 }]) {
      expect((await errorOf(listAuditEntries(admin, filters))).code, JSON.stringify(filters)).toBe('validation_error');
    }
  });
});
