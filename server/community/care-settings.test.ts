// The admins' care settings (issue 10 item 1): the care word list, the crisis resources, the report threshold.
// Limits from the brief: terms cleaned, lower-cased, with a letter; resource name ≤ 80, contact ≤ 120, region ≤ 60,
// description ≤ 300; threshold 1–20, default 3. The defaults show until the first edit, which saves them as the
// community's own in the same transaction.
import { expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { matchesCareTerms } from '../care/lane';
import { db } from '../db/client';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import {
  addCareTerm,
  createCareResource,
  deleteCareResource,
  removeCareTerm,
  reorderCareResources,
  setReportHideThreshold,
  updateCareResource,
} from './commands';
import { getCareResources, getCareTerms, getReportHideThreshold } from './queries';

const refused = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    const e = err as { code?: string; name?: string; issues?: { message: string }[]; message: string; fields?: Record<string, string> };
    return { code: e.code ?? (e.name === 'ZodError' ? 'validation_error' : 'other'), message: e.issues?.[0]?.message ?? e.message, fields: e.fields };
  }
  throw new Error('expected a refusal');
};
const auditActions = async () => (await db().auditEntry.findMany({ orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { action: true } })).map((e) => e.action);
const resource = (name: string) => ({ name, contact: 'Call 555 0100', region: 'Testland', description: 'Kind people, any time.' });

describeDialects('care settings', (dialect) => {
  useDialectDatabase(dialect.make);
  let admin: Actor;

  it('only admins change them: a facilitator, elder or member is refused and nothing is written', async () => {
    admin = await makeActor('ADMIN');
    const shown = await getCareResources();
    for (const who of [await makeActor('MEMBER'), await makeActor('FACILITATOR'), await makeActor('ELDER')]) {
      for (const attempt of [
        addCareTerm(who, { term: 'cannot go on' }),
        removeCareTerm(who, { term: 'cannot go on' }),
        createCareResource(who, resource('Mine')),
        updateCareResource(who, { id: shown.resources[0].id, ...resource('Mine') }),
        deleteCareResource(who, { id: shown.resources[0].id }),
        reorderCareResources(who, { ids: shown.resources.map((r) => r.id).reverse() }),
        setReportHideThreshold(who, { count: 5 }),
      ]) {
        expect((await refused(attempt)).code).toBe('forbidden');
      }
    }
    expect(await db().careTerm.count()).toBe(0);
    expect(await db().careResource.count()).toBe(0);
    expect(await db().communitySetting.count()).toBe(0);
    expect(await db().auditEntry.count()).toBe(0);
  });

  it('care word list: the defaults show until the first edit, which keeps them all and adds the new phrase', async () => {
    const defaults = await getCareTerms();
    expect(defaults.length).toBeGreaterThan(5);
    expect(await db().careTerm.count()).toBe(0);
    const question = 'Honestly I can not go on like this';
    // The care lane's matcher has read (and cached) the list before the change.
    expect(await matchesCareTerms(question)).toBe(false);
    expect(await addCareTerm(admin, { term: '  Can NOT\u200b  go   on ' })).toEqual({ term: 'can not go on' });
    expect(await getCareTerms()).toEqual([...defaults, 'can not go on'].sort());
    // The very next question is matched against the new phrase (no waiting for a cache).
    expect(await matchesCareTerms(question)).toBe(true);
  });

  it('a duplicate in any case is refused kindly; bad input is refused; nothing is written', async () => {
    const before = await getCareTerms();
    const audits = (await auditActions()).length;
    const dup = await refused(addCareTerm(admin, { term: 'CAN NOT GO ON' }));
    expect(dup.code).toBe('conflict');
    expect(dup.message).toBe('“can not go on” is already on the care list.');
    expect(dup.fields?.term).toBe(dup.message);
    for (const term of ['', '   ', '\u200b', '112', '?!…', 'x'.repeat(61), 42, null]) {
      expect((await refused(addCareTerm(admin, { term }))).code, String(term)).toBe('validation_error');
    }
    expect((await refused(addCareTerm(admin, { term: 'ok then', extra: 1 }))).code).toBe('validation_error');
    expect(await getCareTerms()).toEqual(before);
    expect((await auditActions()).length).toBe(audits);
  });

  it('removing phrases: the others stay; an empty list stays empty (the defaults never come back by surprise)', async () => {
    const terms = await getCareTerms();
    await removeCareTerm(admin, { term: terms[0] });
    expect(await getCareTerms()).toEqual(terms.slice(1));
    // Gone already (another admin was quicker): fine, and nothing recorded.
    const audits = (await auditActions()).length;
    expect(await removeCareTerm(admin, { term: terms[0] })).toEqual({ term: terms[0] });
    expect((await auditActions()).length).toBe(audits);
    for (const t of terms.slice(1)) await removeCareTerm(admin, { term: t });
    expect(await getCareTerms()).toEqual([]);
    expect(await matchesCareTerms('can not go on')).toBe(false);
  });

  it('crisis resources: defaults (marked) until the first edit, which saves them all in order with the edit', async () => {
    const shown = await getCareResources();
    expect(shown.isDefault).toBe(true);
    expect(shown.resources.length).toBeGreaterThanOrEqual(3);
    const edited = await updateCareResource(admin, {
      id: shown.resources[1].id,
      name: ' Samaritans  (UK) ',
      contact: 'Call 116 123',
      region: 'UK',
      description: '',
    });
    expect(edited.name).toBe('Samaritans (UK)');
    const now = await getCareResources();
    expect(now.isDefault).toBe(false);
    expect(now.resources.map((r) => r.name)).toEqual(shown.resources.map((r, i) => (i === 1 ? 'Samaritans (UK)' : r.name)));
    expect(now.resources.map((r) => r.contact)).toEqual(shown.resources.map((r, i) => (i === 1 ? 'Call 116 123' : r.contact)));
    // A default's id once they are saved: the admin's page was stale.
    expect((await refused(updateCareResource(admin, { id: shown.resources[0].id, ...resource('x') }))).code).toBe('not_found');
    expect((await getCareResources()).resources.map((r) => r.name)).toEqual(now.resources.map((r) => r.name));
  });

  it('resource limits: name 80, contact 120, region 60, description 300; name and contact needed; nothing written on refusal', async () => {
    const before = await getCareResources();
    for (const bad of [
      { ...resource('x'.repeat(81)) },
      { ...resource('ok'), contact: 'x'.repeat(121) },
      { ...resource('ok'), region: 'x'.repeat(61) },
      { ...resource('ok'), description: 'x'.repeat(301) },
      { ...resource(' '), contact: 'ok' },
      { ...resource('ok'), contact: '' },
      { ...resource('ok'), extra: true },
      { name: 'ok' },
    ]) {
      expect((await refused(createCareResource(admin, bad))).code, JSON.stringify(bad).slice(0, 60)).toBe('validation_error');
    }
    expect(await getCareResources()).toEqual(before);
    const longest = await createCareResource(admin, { name: 'n'.repeat(80), contact: 'c'.repeat(120), region: 'r'.repeat(60), description: 'd'.repeat(300) });
    const bare = await createCareResource(admin, { name: 'Peer line', contact: 'Text 555 0199' });
    expect(bare).toMatchObject({ region: '', description: '' });
    expect((await getCareResources()).resources.map((r) => r.id)).toEqual([...before.resources.map((r) => r.id), longest.id, bare.id]);
  });

  it('reorder (only the list as it is), delete, delete all: an empty list stays empty', async () => {
    const ids = (await getCareResources()).resources.map((r) => r.id);
    const reversed = [...ids].reverse();
    await reorderCareResources(admin, { ids: reversed });
    expect((await getCareResources()).resources.map((r) => r.id)).toEqual(reversed);
    for (const stale of [reversed.slice(1), [reversed[0], ...reversed.slice(0, -1)], [...reversed.slice(1), 'gone']]) {
      expect((await refused(reorderCareResources(admin, { ids: stale }))).code).toBe('conflict');
    }
    expect((await getCareResources()).resources.map((r) => r.id)).toEqual(reversed);
    await deleteCareResource(admin, { id: reversed[0] });
    expect((await getCareResources()).resources.map((r) => r.id)).toEqual(reversed.slice(1));
    expect(await deleteCareResource(admin, { id: reversed[0] })).toEqual({ id: reversed[0] });
    for (const id of reversed.slice(1)) await deleteCareResource(admin, { id });
    expect(await getCareResources()).toEqual({ resources: [], isDefault: false });
  });

  it('report threshold: 1–20 whole numbers, default 3', async () => {
    expect(await getReportHideThreshold()).toBe(3);
    for (const count of [0, 21, -1, 2.5, '', ' ', 'three', null, true, [5]]) {
      expect((await refused(setReportHideThreshold(admin, { count }))).code, String(count)).toBe('validation_error');
    }
    expect(await getReportHideThreshold()).toBe(3);
    expect(await setReportHideThreshold(admin, { count: '1' })).toEqual({ count: 1 });
    expect(await getReportHideThreshold()).toBe(1);
    expect(await setReportHideThreshold(admin, { count: 20 })).toEqual({ count: 20 });
    expect(await getReportHideThreshold()).toBe(20);
  });
});

describeDialects('care settings: first edits at once, and the audit', (dialect) => {
  useDialectDatabase(dialect.make);

  it('two admins’ first edits at the same moment: the defaults are saved once and both edits land', async () => {
    const [a, b] = [await makeActor('ADMIN'), await makeActor('ADMIN')];
    const defaults = await getCareTerms();
    await Promise.all([addCareTerm(a, { term: 'no way out' }), addCareTerm(b, { term: 'want to disappear' })]);
    expect(await getCareTerms()).toEqual([...defaults, 'no way out', 'want to disappear'].sort());
    const shown = await getCareResources();
    await Promise.all([createCareResource(a, resource('First')), createCareResource(b, resource('Second'))]);
    const names = (await getCareResources()).resources.map((r) => r.name);
    expect(names.slice(0, shown.resources.length)).toEqual(shown.resources.map((r) => r.name));
    expect(names.slice(shown.resources.length).sort()).toEqual(['First', 'Second']);
  });

  it('each edit writes exactly one audit entry by its admin; refused edits write none', async () => {
    const admin = await makeActor('ADMIN');
    const start = (await auditActions()).length;
    await addCareTerm(admin, { term: 'Hopeless' });
    await removeCareTerm(admin, { term: 'hopeless' });
    const made = await createCareResource(admin, resource('Line'));
    await updateCareResource(admin, { id: made.id, ...resource('Line 2') });
    const ids = (await getCareResources()).resources.map((r) => r.id);
    await reorderCareResources(admin, { ids: [...ids].reverse() });
    await deleteCareResource(admin, { id: made.id });
    await setReportHideThreshold(admin, { count: 4 });
    await setReportHideThreshold(admin, { count: 4 }); // unchanged: nothing to record
    await addCareTerm(admin, { term: 'HOPELESS' });
    await addCareTerm(admin, { term: 'hopeless' }).catch(() => null);
    await setReportHideThreshold(admin, { count: 99 }).catch(() => null);
    const rows = await db().auditEntry.findMany({
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      skip: start,
      select: { action: true, actorId: true, targetType: true, targetId: true },
    });
    expect(rows.map((r) => r.action)).toEqual([
      'community.care_term_added',
      'community.care_term_removed',
      'community.care_resource_created',
      'community.care_resource_updated',
      'community.care_resources_reordered',
      'community.care_resource_deleted',
      'community.report_threshold_set',
      'community.care_term_added',
    ]);
    expect(new Set(rows.map((r) => r.actorId))).toEqual(new Set([admin.id]));
    expect(new Set(rows.map((r) => r.targetType))).toEqual(new Set(['community']));
    expect(rows.map((r) => r.targetId)).toEqual([
      'care_terms',
      'care_terms',
      'care_resources',
      'care_resources',
      'care_resources',
      'care_resources',
      'report_threshold',
      'care_terms',
    ]);
  });
});
