// The admins' community moderation settings (issue 9 items 1 and 2): the word list, the reject reason templates
// and the new-member tier. Limits from the brief: terms 1–60 characters, labels ≤ 60, bodies ≤ 500, tier 0–20.
import { expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { holdReasons, tripsWordFilter } from '../moderation/holds';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import {
  addBlockedTerm,
  createReasonTemplate,
  deleteReasonTemplate,
  removeBlockedTerm,
  reorderReasonTemplates,
  setNewMemberHolds,
  updateReasonTemplate,
} from './commands';
import { getBlockedTerms, getNewMemberHolds, listReasonTemplates } from './queries';

const refused = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; name?: string; issues?: { message: string }[]; message: string; fields?: Record<string, string> };
    return { code: e.code ?? (e.name === 'ZodError' ? 'validation_error' : 'other'), message: e.issues?.[0]?.message ?? e.message, fields: e.fields };
  }
  throw new Error('expected a refusal');
};
const rows = () => db().reasonTemplate.findMany({ orderBy: { position: 'asc' }, select: { label: true, body: true } });

describeDialects('community moderation settings', (dialect) => {
  useDialectDatabase(dialect.make);
  let admin: Actor;
  let member: Actor;
  let facilitator: Actor;

  it('only admins change them: a facilitator or member is refused and nothing is written', async () => {
    admin = await makeActor('ADMIN');
    member = await makeActor('MEMBER');
    facilitator = await makeActor('FACILITATOR');
    const defaults = await listReasonTemplates();
    for (const who of [member, facilitator]) {
      for (const attempt of [
        addBlockedTerm(who, { term: 'snake oil' }),
        removeBlockedTerm(who, { term: 'snake oil' }),
        createReasonTemplate(who, { label: 'Mine', body: 'Mine.' }),
        updateReasonTemplate(who, { id: defaults[0].id, label: 'Mine', body: 'Mine.' }),
        deleteReasonTemplate(who, { id: defaults[0].id }),
        reorderReasonTemplates(who, { ids: defaults.map((t) => t.id).reverse() }),
        setNewMemberHolds(who, { count: 7 }),
      ]) {
        expect((await refused(attempt)).code).toBe('forbidden');
      }
    }
    expect(await db().blockedTerm.count()).toBe(0);
    expect(await db().reasonTemplate.count()).toBe(0);
    expect(await getNewMemberHolds()).toBe(3);
  });

  it('a word is cleaned and lower-cased; a duplicate in any case is refused kindly; bad input is refused; nothing else is written', async () => {
    expect(await addBlockedTerm(admin, { term: '  Snake\u200b   OIL ' })).toEqual({ term: 'snake oil' });
    const dup = await refused(addBlockedTerm(admin, { term: 'SNAKE OIL' }));
    expect(dup.code).toBe('conflict');
    expect(dup.message).toBe('“snake oil” is already on the list.');
    expect(dup.fields?.term).toBe(dup.message);
    for (const term of ['', '   ', '\u200b', 'x'.repeat(61), '?!…', 42]) {
      expect((await refused(addBlockedTerm(admin, { term }))).code, String(term)).toBe('validation_error');
    }
    expect((await refused(addBlockedTerm(admin, { term: 'ok', extra: 1 }))).code).toBe('validation_error');
    expect(await addBlockedTerm(admin, { term: 'x'.repeat(60) })).toEqual({ term: 'x'.repeat(60) });
    expect(await getBlockedTerms()).toEqual(['snake oil', 'x'.repeat(60)]);
  });

  it('the word filter uses the list at once after an add or a removal (no waiting for a cache)', async () => {
    const question = 'Is this snake oil or real medicine?';
    expect(await tripsWordFilter(question)).toBe(true);
    expect(await tripsWordFilter('Is this a sunflower seed?')).toBe(false);
    await addBlockedTerm(admin, { term: 'sunflower seed' });
    expect(await tripsWordFilter('Is this a Sunflower  Seed?')).toBe(true);
    await removeBlockedTerm(admin, { term: 'snake oil' });
    expect(await tripsWordFilter(question)).toBe(false);
    // Removing a word that is gone already is fine (another admin was quicker).
    expect(await removeBlockedTerm(admin, { term: 'snake oil' })).toEqual({ term: 'snake oil' });
    expect(await getBlockedTerms()).toEqual(['sunflower seed', 'x'.repeat(60)]);
  });

  it('the defaults show until the first edit, which saves them all as the community’s own with the edit, in order', async () => {
    const defaults = await listReasonTemplates();
    expect(defaults.length).toBeGreaterThanOrEqual(3);
    expect(await db().reasonTemplate.count()).toBe(0);
    const edited = await updateReasonTemplate(admin, { id: defaults[1].id, label: ' Please  rephrase ', body: 'Could you ask it more gently?' });
    expect(edited.label).toBe('Please rephrase');
    expect(await rows()).toEqual(
      defaults.map((t, i) => (i === 1 ? { label: 'Please rephrase', body: 'Could you ask it more gently?' } : { label: t.label, body: t.body })),
    );
    const now = await listReasonTemplates();
    expect(now.map((t) => t.label)).toEqual((await rows()).map((r) => r.label));
    expect(now.some((t) => t.id.startsWith('default-'))).toBe(false);
    // A default's id once they are saved: the admin's page was stale.
    expect((await refused(updateReasonTemplate(admin, { id: defaults[0].id, label: 'x', body: 'y' }))).code).toBe('not_found');
  });

  it('add, reorder (only the list as it is), delete; limits 60 and 500; deleting every one brings the defaults back', async () => {
    for (const bad of [
      { label: 'x'.repeat(61), body: 'ok' },
      { label: 'ok', body: 'x'.repeat(501) },
      { label: ' ', body: 'ok' },
      { label: 'ok', body: '' },
    ]) {
      expect((await refused(createReasonTemplate(admin, bad))).code).toBe('validation_error');
    }
    const before = await rows();
    const added = await createReasonTemplate(admin, { label: 'x'.repeat(60), body: 'y'.repeat(500) });
    expect((await rows()).map((r) => r.label)).toEqual([...before.map((r) => r.label), 'x'.repeat(60)]);

    const ids = (await listReasonTemplates()).map((t) => t.id);
    const reversed = [...ids].reverse();
    await reorderReasonTemplates(admin, { ids: reversed });
    expect((await listReasonTemplates()).map((t) => t.id)).toEqual(reversed);
    // A list missing one, with one twice, or with an unknown id: someone changed it meanwhile.
    for (const stale of [reversed.slice(1), [reversed[0], ...reversed.slice(0, -1)], [...reversed.slice(1), 'gone']]) {
      expect((await refused(reorderReasonTemplates(admin, { ids: stale }))).code).toBe('conflict');
    }
    expect((await listReasonTemplates()).map((t) => t.id)).toEqual(reversed);

    await deleteReasonTemplate(admin, { id: added.id });
    expect((await listReasonTemplates()).map((t) => t.id)).toEqual(reversed.filter((id) => id !== added.id));
    for (const t of await listReasonTemplates()) await deleteReasonTemplate(admin, { id: t.id });
    expect(await db().reasonTemplate.count()).toBe(0);
    expect((await listReasonTemplates()).every((t) => t.id.startsWith('default-'))).toBe(true);
  });

  it('adding or reordering while the defaults show saves them too, so none vanish', async () => {
    const defaults = await listReasonTemplates();
    await createReasonTemplate(admin, { label: 'Not a question', body: 'This reads as a statement; please ask it as a question.' });
    expect((await rows()).map((r) => r.label)).toEqual([...defaults.map((t) => t.label), 'Not a question']);
    for (const t of await listReasonTemplates()) await deleteReasonTemplate(admin, { id: t.id });
    await reorderReasonTemplates(admin, { ids: defaults.map((t) => t.id).reverse() });
    expect((await rows()).map((r) => r.label)).toEqual(defaults.map((t) => t.label).reverse());
  });

  it('the new-member tier: 0–20, whole numbers; the holds use it at once', async () => {
    for (const count of [21, -1, 2.5, '', ' ', 'three', '0x5', null, true, [5]]) {
      expect((await refused(setNewMemberHolds(admin, { count }))).code, String(count)).toBe('validation_error');
    }
    expect(await getNewMemberHolds()).toBe(3);
    expect(await setNewMemberHolds(admin, { count: '20' })).toEqual({ count: 20 });
    expect(await getNewMemberHolds()).toBe(20);

    // A member with one earlier question: new under a tier of 2, not under a tier of 1, never under 0.
    const asker = await makeActor('MEMBER');
    const host = await makeActor('ELDER');
    const d = await db().discussion.create({
      data: {
        title: 'Tier',
        description: 'x',
        startsAt: new Date(),
        timeZone: 'UTC',
        localStart: '2026-01-01T00:00',
        durationMinutes: 60,
        agreementText: 'x',
        createdById: host.id,
      },
    });
    await db().question.create({ data: { id: crypto.randomUUID(), discussionId: d.id, authorId: asker.id, body: 'An earlier question' } });
    const ctx = { isMod: false, discussion: { moderationMode: 'POST' as const } } as Parameters<typeof holdReasons>[2];
    await setNewMemberHolds(admin, { count: 2 });
    expect(await holdReasons(db(), asker.id, ctx, 'A second question')).toEqual(['new_member']);
    await setNewMemberHolds(admin, { count: 1 });
    expect(await holdReasons(db(), asker.id, ctx, 'A second question')).toEqual([]);
    await setNewMemberHolds(admin, { count: 0 });
    expect(await getNewMemberHolds()).toBe(0);
    expect(await holdReasons(db(), member.id, ctx, 'A very first question')).toEqual([]);
  });
});

describeDialects('community moderation settings are audited', (dialect) => {
  useDialectDatabase(dialect.make);

  it('each edit writes exactly one audit entry with who and what, in the same transaction as the change', async () => {
    const admin = await makeActor('ADMIN');
    const entries = () => db().auditEntry.findMany({ orderBy: { at: 'asc' }, select: { action: true, actorId: true, targetType: true, detail: true } });
    await addBlockedTerm(admin, { term: 'Snake Oil' });
    await removeBlockedTerm(admin, { term: 'snake oil' });
    const made = await createReasonTemplate(admin, { label: 'Too long', body: 'Please keep it short.' });
    await setNewMemberHolds(admin, { count: 5 });
    const seen = await entries();
    expect(seen.filter((e) => e.action === 'community.term_added')).toEqual([
      { action: 'community.term_added', actorId: admin.id, targetType: 'community', detail: 'snake oil' },
    ]);
    expect(seen.filter((e) => e.action === 'community.term_removed')).toHaveLength(1);
    expect(seen.filter((e) => e.action === 'community.template_created').map((e) => e.detail)).toContain('Too long');
    expect(seen.filter((e) => e.action === 'community.new_member_holds_set')).toEqual([
      { action: 'community.new_member_holds_set', actorId: admin.id, targetType: 'community', detail: '3 → 5' },
    ]);
    expect(made).toBeTruthy();
    // A refused edit (a duplicate) writes nothing.
    await addBlockedTerm(admin, { term: 'miracle' });
    const before = (await entries()).length;
    await addBlockedTerm(admin, { term: 'MIRACLE' }).catch(() => null);
    expect((await entries()).length).toBe(before);
  });
});
