// Search against real databases: SQLite FTS5 always, PostgreSQL full-text search when TEST_POSTGRES_URL is set.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DiscussionStatus } from '@/lib/discussions/schema';
import type { Actor } from '../auth/actor';
import { closeDb, db } from '../db/client';
import { createArticle, updateArticle } from '../library/commands';
import { makeActor, useFreshDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { ARTICLE_VECTOR_SQL, DISCUSSION_VECTOR_SQL, type SearchHit, search } from './queries';
import { segmentsText } from './syntax';

const LOREM = 'Preparation matters. People meet their guides beforehand, talk about intentions, and agree on how support will look during the day.';

function articleInput(modalityId: string, overrides: Record<string, unknown> = {}) {
  const slug = `article-${Math.random().toString(36).slice(2, 10)}`;
  return {
    title: `Notes on care ${slug}`,
    slug,
    modalityId,
    summary: 'A short, careful overview of the practice and what the research says so far.',
    body: `${LOREM}\n\n${LOREM}`,
    benefits: '- Some people feel better.',
    risks: '- Some people feel worse.',
    contraindications: '- Heart disease.',
    legalStatus: 'Varies by jurisdiction.',
    references: [],
    ...overrides,
  };
}

let n = 0;
async function makeDiscussion(creator: Actor, data: { title: string; description: string; visibility?: 'PUBLIC' | 'MEMBERS'; status?: DiscussionStatus }) {
  return db().discussion.create({
    data: {
      title: data.title,
      description: data.description,
      visibility: data.visibility ?? 'PUBLIC',
      status: data.status ?? 'SCHEDULED',
      startsAt: new Date(Date.now() + 86_400_000 * (1 + n++)),
      timeZone: 'Europe/Berlin',
      localStart: '2030-01-01T19:00',
      durationMinutes: 60,
      agreementText: 'Be kind.',
      createdById: creator.id,
    },
  });
}

const ids = (hits: SearchHit[]) => hits.map((h) => h.id);

describeDialects('search', ({ name, make }) => {
  let drop: () => Promise<void>;
  let url: string;
  let elder: Actor;
  let member: Actor;
  let modalityId: string;

  beforeAll(async () => {
    const d = await make();
    drop = d.drop;
    url = d.url;
    await useFreshDatabase(d.url);
    elder = await makeActor('ELDER');
    member = await makeActor('MEMBER');
    modalityId = (await db().modality.create({ data: { slug: 'breathwork', name: 'Breathwork', summary: 'Breathing practices.' } })).id;
  });
  afterAll(async () => {
    await closeDb();
    await drop();
  });

  it('finds an article by a word in its body, with the word highlighted in the snippet', async () => {
    const a = await createArticle(
      elder,
      articleInput(modalityId, { body: `${LOREM}\n\nSome circles use **quillwort** tea as a grounding ritual.\n\n${LOREM}` }),
    );
    const { hits } = await search(null, { q: 'Quillwort' });
    expect(ids(hits)).toEqual([a.id]);
    const hit = hits[0];
    expect(hit).toMatchObject({ kind: 'article', href: `/library/${a.slug}`, modalityName: 'Breathwork' });
    expect(hit.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toEqual(['quillwort']);
    expect(segmentsText(hit.snippet)).toContain('tea as a grounding ritual');
    expect(segmentsText(hit.snippet)).not.toContain('**');
  });

  it('matches word forms (stemming) and the structured sections', async () => {
    const a = await createArticle(
      elder,
      articleInput(modalityId, { contraindications: '- Taking **lithium** together with classic psychedelics: seizures were reported.' }),
    );
    expect(ids((await search(null, { q: 'seizure' })).hits)).toEqual([a.id]);
    expect(ids((await search(null, { q: 'LITHIUM seizures' })).hits)).toEqual([a.id]);
    expect((await search(null, { q: 'lithium nonexistentword' })).hits).toEqual([]);
  });

  it('ranks a title match above a body match', async () => {
    const inBody = await createArticle(elder, articleInput(modalityId, { body: `${LOREM} The marshwren practice is gentle. Marshwren sessions are short.` }));
    const inTitle = await createArticle(elder, articleInput(modalityId, { title: 'Marshwren breathing, explained' }));
    const { hits } = await search(null, { q: 'marshwren' });
    expect(ids(hits)).toEqual([inTitle.id, inBody.id]);
    expect(hits[0].title.find((s) => s.hit)?.text.toLowerCase()).toBe('marshwren');
  });

  it('phrases match words in order only', async () => {
    const a = await createArticle(elder, articleInput(modalityId, { body: `${LOREM} Watch for serotonin toxicity when combining medicines.` }));
    await createArticle(elder, articleInput(modalityId, { body: `${LOREM} Toxicity is rare; serotonin is a neurotransmitter.` }));
    expect(ids((await search(null, { q: '"serotonin toxicity"' })).hits)).toEqual([a.id]);
    expect((await search(null, { q: 'serotonin toxicity' })).hits).toHaveLength(2);
  });

  it('keeps the index in step with edits and deletions', async () => {
    const a = await createArticle(elder, articleInput(modalityId, { body: `${LOREM} Mention of bluegill here.` }));
    expect(ids((await search(null, { q: 'bluegill' })).hits)).toEqual([a.id]);
    const draft = await db().article.findUniqueOrThrow({ where: { id: a.id } });
    await updateArticle(elder, {
      ...articleInput(modalityId, { slug: draft.slug, title: draft.title, body: `${LOREM} Now about heronwood instead.` }),
      id: a.id,
      expectedUpdatedAt: draft.updatedAt.toISOString(),
    });
    expect((await search(null, { q: 'bluegill' })).hits).toEqual([]);
    expect(ids((await search(null, { q: 'heronwood' })).hits)).toEqual([a.id]);
    await db().article.delete({ where: { id: a.id } });
    expect((await search(null, { q: 'heronwood' })).hits).toEqual([]);
  });

  it('finds discussions by title and description; members-only ones only for signed-in people; never cancelled ones', async () => {
    const pub = await makeDiscussion(elder, { title: 'Evening circle', description: 'We talk about lanternfish dreams and sleep.' });
    const members = await makeDiscussion(elder, { title: 'Lanternfish circle (members)', description: 'A closed circle.', visibility: 'MEMBERS' });
    const ended = await makeDiscussion(elder, { title: 'Past circle', description: 'We talked about lanternfish.', status: 'ENDED' });
    await makeDiscussion(elder, { title: 'Cancelled lanternfish circle', description: 'Cancelled.', status: 'CANCELLED' });
    await makeDiscussion(elder, { title: 'Secret lanternfish cancelled', description: 'x', status: 'CANCELLED', visibility: 'MEMBERS' });

    const anonymous = await search(null, { q: 'lanternfish' });
    expect(ids(anonymous.hits).sort()).toEqual([pub.id, ended.id].sort());
    expect(anonymous.hits.every((h) => h.kind === 'discussion' && h.visibility === 'PUBLIC')).toBe(true);

    const signedIn = await search(member, { q: 'lanternfish' });
    expect(ids(signedIn.hits).sort()).toEqual([pub.id, members.id, ended.id].sort());
    expect(signedIn.hits[0].id).toBe(members.id); // the title match ranks first
    const hit = signedIn.hits.find((h) => h.id === pub.id)!;
    expect(hit).toMatchObject({ kind: 'discussion', href: `/discussions/${pub.id}` });
    expect(hit.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase())).toEqual(['lanternfish']);
  });

  it('a discussion made members-only later disappears for visitors; a renamed one is found by its new title', async () => {
    const d = await makeDiscussion(elder, { title: 'Kestrelwood gathering', description: 'Open to all.' });
    expect(ids((await search(null, { q: 'kestrelwood' })).hits)).toEqual([d.id]);
    await db().discussion.update({ where: { id: d.id }, data: { visibility: 'MEMBERS' } });
    expect((await search(null, { q: 'kestrelwood' })).hits).toEqual([]);
    await db().discussion.update({ where: { id: d.id }, data: { title: 'Otterbrook gathering' } });
    expect(ids((await search(member, { q: 'otterbrook' })).hits)).toEqual([d.id]);
    expect((await search(member, { q: 'kestrelwood' })).hits).toEqual([]);
  });

  it('returns articles and discussions together, and HTML in stored text comes back as plain text', async () => {
    const a = await createArticle(elder, articleInput(modalityId, { title: 'Pinecrest <img src=x onerror=alert(1)> notes' }));
    const d = await makeDiscussion(elder, { title: 'Pinecrest talk', description: '<script>alert(1)</script> pinecrest' });
    const { hits } = await search(null, { q: 'pinecrest' });
    expect(ids(hits).sort()).toEqual([a.id, d.id].sort());
    const article = hits.find((h) => h.id === a.id)!;
    expect(segmentsText(article.title)).toBe('Pinecrest <img src=x onerror=alert(1)> notes');
  });

  it('empty and unsearchable input gives no results without querying; bad types are a validation error', async () => {
    for (const q of ['', '   ', '""', '*', 'AND', '()']) {
      const res = await search(null, { q });
      if (q === 'AND') continue; // a real word, may match nothing
      expect(res.hits, q).toEqual([]);
    }
    await expect(search(null, { q: { $ne: null } })).rejects.toThrow();
    await expect(search(null, { q: ['a', 'b'] })).rejects.toThrow();
  });

  it('fuzz: no input causes an SQL or full-text syntax error', async () => {
    const hostile = fc.constantFrom(
      '"',
      '""',
      '"a',
      'a"b"c',
      "'",
      "''",
      '\'; DROP TABLE "Article"; --',
      'title:dmt',
      'NEAR(a b, 2)',
      'a AND OR NOT b',
      '*',
      'a*',
      '^a',
      '-a',
      '(a',
      'a)',
      '\\',
      '%',
      '_',
      '&',
      '|',
      '!',
      '<->',
      ':*',
      'a & | b',
      '\u0000',
      '\ue000x\ue001',
      'select * from "User"',
      '😀',
      'ǅ',
      '٣',
      'Ⅻ',
      'ﬁ',
    );
    const input = fc.oneof(
      fc.string({ maxLength: 250 }),
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.array(fc.oneof(hostile, fc.string({ maxLength: 6 })), { maxLength: 12 }).map((p) => p.join(' ')),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.boolean(), async (q, signedIn) => {
        const res = await search(signedIn ? member : null, { q });
        expect(Array.isArray(res.hits)).toBe(true);
      }),
      { numRuns: name === 'SQLite' ? 300 : 150 },
    );
  });

  it.runIf(name === 'SQLite')('after every migration, the index triggers still exist (a table rebuilt by a later migration drops them)', async () => {
    const triggers = await db().$queryRaw<{ name: string; tbl_name: string }[]>`
      SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search!_%' ESCAPE '!' ORDER BY name`;
    expect(triggers).toEqual([
      { name: 'search_article_ad', tbl_name: 'Article' },
      { name: 'search_article_ai', tbl_name: 'Article' },
      { name: 'search_article_au', tbl_name: 'Article' },
      { name: 'search_discussion_ad', tbl_name: 'Discussion' },
      { name: 'search_discussion_ai', tbl_name: 'Discussion' },
      { name: 'search_discussion_au', tbl_name: 'Discussion' },
    ]);
  });

  it.runIf(name === 'SQLite')('stays correct after VACUUM (document ids do not depend on implicit rowids)', async () => {
    const keep = await createArticle(elder, articleInput(modalityId, { body: `${LOREM} sandpiper` }));
    const gone = await createArticle(elder, articleInput(modalityId, { body: `${LOREM} sandpiper` }));
    await db().article.delete({ where: { id: gone.id } });
    await db().$executeRaw`VACUUM`;
    expect(ids((await search(null, { q: 'sandpiper' })).hits)).toEqual([keep.id]);
    const integrity = await db().$queryRaw<unknown[]>`INSERT INTO "search_article"("search_article", rank) VALUES ('integrity-check', 1)`;
    expect(integrity).toEqual([]);
  });

  it.runIf(name === 'PostgreSQL')('the query uses the expression indexes of the migration', async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('SET enable_seqscan = off');
      const article = await c.query(`EXPLAIN SELECT a."id" FROM "Article" a WHERE ${ARTICLE_VECTOR_SQL} @@ to_tsquery('english', 'x')`);
      expect(article.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('search_article_idx');
      const discussion = await c.query(`EXPLAIN SELECT d."id" FROM "Discussion" d WHERE ${DISCUSSION_VECTOR_SQL} @@ to_tsquery('english', 'x')`);
      expect(discussion.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('search_discussion_idx');
    } finally {
      await c.end();
    }
  });
});
