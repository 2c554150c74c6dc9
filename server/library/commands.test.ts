// Library commands and queries against real databases (SQLite always; PostgreSQL when TEST_POSTGRES_URL is set).
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DOI_PATTERN } from '@/lib/library/schema';
import { LIBRARY_ARTICLES, seedLibraryIfEmpty } from '@/prisma/seed-library';
import type { Actor } from '../auth/actor';
import { closeDb, db } from '../db/client';
import { toErrorBody } from '../errors';
import { search } from '../search/queries';
import { makeActor, useDialectDatabase, useFreshDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { createArticle, createModality, updateArticle } from './commands';
import { getArticleBySlug, getArticleForEdit, listModalitiesWithArticles } from './queries';

async function errorOf(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'expected the command to fail').toBeInstanceOf(Error);
  return toErrorBody(err);
}

let slugN = 0;
function input(modalityId: string, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Breathwork before a session',
    slug: `breathwork-${++slugN}-${Date.now().toString(36)}`,
    modalityId,
    summary: 'Slow breathing can help some people settle before a session begins.',
    body: '## Why\n\nSlow, steady breathing is a simple way to calm down.',
    benefits: '- Calmer start',
    risks: '- Light-headedness if overdone',
    contraindications: '- None known for gentle practice',
    legalStatus: 'Legal everywhere.',
    references: [
      {
        text: 'Mitchell JM, et al. MDMA-assisted therapy for severe PTSD. Nature Medicine. 2021;27:1025–1033.',
        doi: 'https://doi.org/10.1038/s41591-021-01336-3',
      },
      { text: 'A page about breathing practice', url: 'https://example.org/breathing' },
    ],
    ...overrides,
  };
}

describeDialects('library', ({ make }) => {
  let drop: () => Promise<void>;
  let elder: Actor, admin: Actor, member: Actor, facilitator: Actor;
  let modalityId: string, otherModalityId: string;

  beforeAll(async () => {
    const d = await make();
    drop = d.drop;
    await useFreshDatabase(d.url);
    [elder, admin, member, facilitator] = await Promise.all([
      makeActor('ELDER', 'Rowan Elder'),
      makeActor('ADMIN'),
      makeActor('MEMBER'),
      makeActor('FACILITATOR'),
    ]);
    modalityId = (await createModality(elder, { name: 'Breathwork', slug: 'breathwork', summary: 'Breathing practices and their effects.' })).id;
    otherModalityId = (await createModality(admin, { name: 'Ayahuasca', slug: 'ayahuasca-test', summary: 'An Amazonian plant brew.' })).id;
  });
  afterAll(async () => {
    await closeDb();
    await drop();
  });

  it('an elder creates an article: stored clean, references normalised, reviewed by them, audited', async () => {
    const ref = await createArticle(elder, input(modalityId, { title: '  Breathwork\u202e  basics ', body: 'Line one\r\nline two\u200b and more text here' }));
    const row = await db().article.findUniqueOrThrow({ where: { id: ref.id } });
    expect(row.title).toBe('Breathwork basics');
    expect(row.body).toBe('Line one\nline two and more text here');
    expect(JSON.parse(row.references)).toEqual([
      { text: 'Mitchell JM, et al. MDMA-assisted therapy for severe PTSD. Nature Medicine. 2021;27:1025–1033.', doi: '10.1038/s41591-021-01336-3' },
      { text: 'A page about breathing practice', url: 'https://example.org/breathing' },
    ]);
    expect(row.authorId).toBe(elder.id);
    expect(row.reviewedById).toBe(elder.id);
    expect(row.lastReviewedAt).toBeInstanceOf(Date);
    expect(await db().auditEntry.count({ where: { targetId: ref.id, action: 'article.created', actorId: elder.id } })).toBe(1);
  });

  it('members and facilitators are forbidden to create, edit or open the editor; nothing is written', async () => {
    const existing = await createArticle(admin, input(modalityId));
    const before = { articles: await db().article.count(), audit: await db().auditEntry.count() };
    for (const actor of [member, facilitator]) {
      expect(await errorOf(createArticle(actor, input(modalityId)))).toMatchObject({ code: 'forbidden' });
      expect(await errorOf(updateArticle(actor, { ...input(modalityId, { title: 'Hijacked' }), id: existing.id }))).toMatchObject({ code: 'forbidden' });
      expect(await errorOf(getArticleForEdit(actor, existing.slug))).toMatchObject({ code: 'forbidden' });
      expect(await errorOf(createModality(actor, { name: 'Nope', slug: 'nope-nope', summary: 'Should not exist.' }))).toMatchObject({ code: 'forbidden' });
      // Forbidden even with garbage input: policy comes before validation.
      expect(await errorOf(createArticle(actor, { junk: true }))).toMatchObject({ code: 'forbidden' });
    }
    expect(await db().article.count()).toBe(before.articles);
    expect(await db().auditEntry.count()).toBe(before.audit);
    expect((await db().article.findUniqueOrThrow({ where: { id: existing.id } })).title).toBe('Breathwork before a session');
  });

  it('refuses invalid references, unsafe links, bad slugs, bounds and an unknown modality with clear errors; nothing written', async () => {
    const before = await db().article.count();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ references: [{ text: 'A study with a bad DOI', doi: '11.1000/xyz' }] }, 'references.0.doi', /DOI looks like/],
      [{ references: [{ text: 'A link that runs script', url: 'javascript:alert(1)' }] }, 'references.0.url', /http/],
      [{ references: [{ text: 'A data link to nowhere', url: 'data:text/html,<script>alert(1)</script>' }] }, 'references.0.url', /http/],
      [{ references: [{ text: 'x' }] }, 'references.0.text', /citation/],
      [{ references: [{ text: 'Extra field study', doi: '10.1000/x', evil: true }] }, 'references.0', /./],
      [{ references: Array.from({ length: 31 }, () => ({ text: 'Some study 2020' })) }, 'references', /at most 30/],
      [{ slug: 'Not A Slug!' }, 'slug', /lower-case/],
      [{ slug: 'new' }, 'slug', /reserved/],
      [{ title: 'ab' }, 'title', /at least 3/],
      [{ title: 'x'.repeat(141) }, 'title', /at most 140/],
      [{ body: 'x'.repeat(40_001) }, 'body', /at most 40,000/],
      [{ summary: '' }, 'summary', /at least 20/],
      [{ legalStatus: '   ' }, 'legalStatus', /required/],
      [{ modalityId: 'no-such-modality' }, 'modalityId', /modality/],
    ];
    for (const [overrides, field, message] of cases) {
      const err = await errorOf(createArticle(elder, input(modalityId, overrides)));
      expect(err.code, field).toBe('validation_error');
      expect(err.fields?.[field] ?? err.message, field).toMatch(message);
    }
    expect(await db().article.count()).toBe(before);
  });

  it('F03 fuzz: arbitrary payloads give a validation error and write nothing', async () => {
    const before = await db().article.count();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.record({ title: fc.anything(), slug: fc.anything(), references: fc.anything() })), async (payload) => {
        const err = await errorOf(createArticle(elder, payload));
        expect(err.code).toBe('validation_error');
      }),
      { numRuns: 150 },
    );
    expect(await db().article.count()).toBe(before);
  });

  it('a taken slug is a conflict on the slug field', async () => {
    const a = await createArticle(elder, input(modalityId));
    expect(await errorOf(createArticle(elder, input(modalityId, { slug: a.slug })))).toMatchObject({ code: 'conflict', fields: { slug: expect.any(String) } });
  });

  it('updates with the loaded version; a stale version is a conflict and changes nothing', async () => {
    const a = await createArticle(elder, input(modalityId));
    const draft = (await getArticleForEdit(admin, a.slug))!;
    const saved = await updateArticle(admin, {
      ...input(otherModalityId, { slug: a.slug, title: 'Breathwork, revised' }),
      id: a.id,
      expectedUpdatedAt: draft.updatedAt,
      markReviewed: false,
    });
    const row = await db().article.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ title: 'Breathwork, revised', modalityId: otherModalityId, reviewedById: elder.id });
    expect(saved.updatedAt.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());

    const stale = await errorOf(
      updateArticle(elder, { ...input(modalityId, { slug: a.slug, title: 'Lost update' }), id: a.id, expectedUpdatedAt: draft.updatedAt }),
    );
    expect(stale.code).toBe('conflict');
    expect((await db().article.findUniqueOrThrow({ where: { id: a.id } })).title).toBe('Breathwork, revised');

    const fresh = (await getArticleForEdit(elder, a.slug))!;
    await updateArticle(elder, {
      ...input(modalityId, { slug: 'breathwork-renamed', title: 'Breathwork, reviewed' }),
      id: a.id,
      expectedUpdatedAt: fresh.updatedAt,
    });
    const reviewed = await db().article.findUniqueOrThrow({ where: { id: a.id } });
    expect(reviewed).toMatchObject({ slug: 'breathwork-renamed', reviewedById: elder.id });
    expect(await errorOf(updateArticle(elder, { ...input(modalityId), id: 'missing' }))).toMatchObject({ code: 'not_found' });
  });

  it('the article page lists upcoming discussions on its modality, soonest first, members-only ones to signed-in people only', async () => {
    const a = await createArticle(elder, input(modalityId, { slug: 'upcoming-test' }));
    const now = new Date();
    const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
    const mk = async (title: string, startsAt: Date, extra: Record<string, unknown> = {}, modality = modalityId) =>
      db().discussion.create({
        data: {
          title,
          description: 'x',
          startsAt,
          timeZone: 'UTC',
          localStart: '2030-01-01T19:00',
          durationMinutes: 60,
          agreementText: 'Be kind',
          createdById: elder.id,
          modalities: { create: { modalityId: modality } },
          ...extra,
        },
      });
    const later = await mk('Later public', at(9));
    const soon = await mk('Soon members-only', at(2), { visibility: 'MEMBERS' });
    const live = await mk('Live now', at(-0.01), { status: 'LIVE' });
    await mk('Past', at(-3));
    await mk('Ended', at(-3), { status: 'ENDED' });
    await mk('Cancelled', at(4), { status: 'CANCELLED' });
    await mk('Other modality', at(3), {}, otherModalityId);

    const anon = (await getArticleBySlug(null, 'upcoming-test', now))!;
    expect(anon.upcomingDiscussions.map((d) => d.title)).toEqual(['Live now', 'Later public']);
    const signedIn = (await getArticleBySlug(member, 'upcoming-test', now))!;
    expect(signedIn.upcomingDiscussions.map((d) => d.id)).toEqual([live.id, soon.id, later.id]);
    expect(signedIn).toMatchObject({ id: a.id, reviewedByName: 'Rowan Elder', authorName: 'Rowan Elder', modality: { name: 'Breathwork' } });
    expect(signedIn.references).toHaveLength(2);
    expect(await getArticleBySlug(null, 'no-such-article')).toBeNull();
    expect(await getArticleBySlug(null, '../../etc/passwd')).toBeNull();
  });

  it('the index groups articles by modality', async () => {
    const groups = await listModalitiesWithArticles();
    expect(groups.map((g) => g.name)).toEqual(['Ayahuasca', 'Breathwork']);
    expect(groups.every((g) => g.articles.every((x) => typeof x.slug === 'string'))).toBe(true);
  });

  it('a modality slug is unique', async () => {
    expect(await errorOf(createModality(elder, { name: 'Breathwork again', slug: 'breathwork', summary: 'A duplicate address.' }))).toMatchObject({
      code: 'conflict',
    });
  });
});

describeDialects('library seed', ({ make }) => {
  useDialectDatabase(make);

  it('seeds five articles with valid references once, authored and reviewed by the demo elders; searchable', async () => {
    const rowan = await db().user.create({ data: { email: 'rowan@example.org', displayName: 'Rowan Greywater', passwordHash: 'x', role: 'ELDER' } });
    const maya = await db().user.create({ data: { email: 'maya@example.org', displayName: 'Maya Okafor', passwordHash: 'x', role: 'ELDER' } });
    expect(await seedLibraryIfEmpty(db())).toBe(true);
    expect(await seedLibraryIfEmpty(db())).toBe(false);
    const groups = await listModalitiesWithArticles();
    expect(groups).toHaveLength(5);
    expect(groups.every((g) => g.articles.length === 1)).toBe(true);

    for (const seeded of LIBRARY_ARTICLES) {
      const view = (await getArticleBySlug(null, seeded.slug))!;
      expect(view, seeded.slug).not.toBeNull();
      expect(view.references.length, seeded.slug).toBeGreaterThanOrEqual(2);
      expect(view.references.length, seeded.slug).toBe(seeded.references.length); // none dropped by validation
      for (const r of view.references) if (r.doi) expect(r.doi).toMatch(DOI_PATTERN);
      expect([rowan.displayName, maya.displayName]).toContain(view.reviewedByName);
      expect(view.reviewedByName).not.toBe(view.authorName);
      expect(view.lastReviewedAt).toBeInstanceOf(Date);
    }
    const { hits } = await search(null, { q: 'serotonin toxicity' });
    expect(hits.map((h) => h.href)).toContain('/library/ayahuasca');
    expect((await search(null, { q: 'PTSD' })).hits[0].href).toBe('/library/mdma-assisted-therapy-for-ptsd');
  });

  it('seed text passes the same validation as the editor', async () => {
    const { createArticleSchema } = await import('@/lib/library/schema');
    for (const { modality: _m, author: _a, reviewer: _r, ...a } of LIBRARY_ARTICLES) {
      const parsed = createArticleSchema.safeParse({ ...a, modalityId: 'x' });
      expect(parsed.success, `${a.slug}: ${parsed.success ? '' : parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`).toBe(true);
    }
  });
});
