// F29: exports of a discussion's questions (CSV and Markdown) and of the admin audit log, parsed as a spreadsheet
// or a reader would read them. From the issue: every cell starting with =, +, -, @, tab or CR is neutralised; a
// member asking for an export gets 403 (signed out: 401); anonymous askers appear by pseudonym only; care items
// only as counts; private replies and the staff backchannel never.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { recordAudit } from '../audit/commands';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { auditCsv, discussionCsv, discussionMarkdown } from '../exports/queries';
import { exportResponse } from '../exports/respond';
import { makeActor, useDialectDatabase } from './in-process';
import { describeDialects } from './temp-databases';

const HYPERLINK = '=HYPERLINK("http://x","y")';
const ANON_NAME = 'Zelda Secretname';
const CARE_TEXT = 'care lane words that must never be exported';
const KEPT_PRIVATE_TEXT = 'reported at risk and kept private';
const PUBLISHED_ORIGINAL = 'the asker’s original risky words';
const PRIVATE_REPLY = 'a private reply only the asker may read';
const BACKCHANNEL = 'staff backchannel message never exported';

type World = { discussionId: string; host: Actor; facilitator: Actor; member: Actor; admin: Actor; otherElder: Actor };

async function world(): Promise<World> {
  // One at a time: makeActor's emails are unique per call, not per moment.
  const host = await makeActor('ELDER', 'Rowan Host');
  const facilitator = await makeActor('FACILITATOR', 'Sam Facilitator');
  const member = await makeActor('MEMBER');
  const admin = await makeActor('ADMIN');
  const otherElder = await makeActor('ELDER');
  const asker = await makeActor('MEMBER', 'Named Asker');
  const anon = await makeActor('MEMBER', ANON_NAME);
  const anon2 = await makeActor('MEMBER', 'Other Hidden Person');
  const started = new Date(Date.now() - 3_600_000);
  const d = await db().discussion.create({
    data: {
      title: 'Integration: <b>exports</b> & "quotes"',
      description: 'x',
      startsAt: started,
      timeZone: 'UTC',
      localStart: started.toISOString().slice(0, 16),
      durationMinutes: 60,
      agreementText: 'x',
      status: 'ENDED',
      startedAt: started,
      endedAt: new Date(),
      createdById: host.id,
      staff: {
        create: [
          { userId: host.id, role: 'HOST' },
          { userId: facilitator.id, role: 'FACILITATOR' },
        ],
      },
    },
  });
  const discussionId = d.id;
  const q = async (data: {
    body: string;
    authorId: string;
    status?: 'VISIBLE' | 'CARE' | 'HIDDEN' | 'REJECTED' | 'PENDING' | 'WITHDRAWN';
    anonymous?: boolean;
  }) => (await db().question.create({ data: { id: randomUUID(), discussionId, status: 'VISIBLE', ...data } })).id;
  const hyperlink = await q({ body: HYPERLINK, authorId: asker.id });
  await db().question.update({ where: { id: hyperlink }, data: { voteCount: 4, answeredAt: new Date(), contentWarning: '-grief' } });
  await db().reply.create({ data: { questionId: hyperlink, authorId: facilitator.id, body: '+1 great question' } });
  await db().reply.create({ data: { questionId: hyperlink, authorId: facilitator.id, body: PRIVATE_REPLY, private: true } });
  for (const body of ['+SUM(A1:A9)', '-2+3', '@cmd', '\tTabbed', '\rCarriage', 'Plain, with "quotes", commas\nand a line break']) {
    await q({ body, authorId: asker.id });
  }
  await q({ body: 'An anonymous question about integration', authorId: anon.id, anonymous: true });
  await q({ body: 'Another anonymous question, no pseudonym yet', authorId: anon2.id, anonymous: true, status: 'PENDING' });
  await db().pseudonym.create({ data: { discussionId, userId: anon.id, name: 'Anonymous gentle fox' } });
  await q({ body: '<script>alert(1)</script> [click](javascript:alert(1)) # heading', authorId: asker.id, status: 'REJECTED' });
  await q({ body: 'Taken back by its asker', authorId: asker.id, status: 'WITHDRAWN' });
  // The care lane: one still in it, one reported at risk and kept private (hidden), one published in a safe version.
  const care = await q({ body: CARE_TEXT, authorId: anon.id, anonymous: true, status: 'CARE' });
  await db().careItem.create({ data: { discussionId, questionId: care, source: 'care_terms' } });
  const kept = await q({ body: KEPT_PRIVATE_TEXT, authorId: asker.id, status: 'HIDDEN' });
  await db().careItem.create({ data: { discussionId, questionId: kept, source: 'report', outcome: 'kept_private', closedAt: new Date() } });
  const published = await q({ body: 'A gentler version the facilitators published', authorId: asker.id });
  await db().careItem.create({ data: { discussionId, questionId: published, source: 'care_terms', outcome: 'published', originalBody: PUBLISHED_ORIGINAL } });
  await db().staffMessage.create({ data: { discussionId, authorId: facilitator.id, body: BACKCHANNEL } });
  return { discussionId, host, facilitator, member, admin, otherElder };
}

const csvRows = (body: string) => parse(body, { columns: true, skip_empty_lines: true }) as Record<string, string>[];

describeDialects('F29 exports', (dialect) => {
  useDialectDatabase(dialect.make);
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it('the host and admins download the CSV; it parses, and every formula-looking cell is neutralised with a quote', async () => {
    for (const who of [w.host, w.admin]) {
      const res = await exportResponse(() => discussionCsv(who, w.discussionId));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);
      expect(res.headers.get('cache-control')).toContain('no-store');
      const rows = csvRows(await res.text());
      const byBody = new Map(rows.map((r) => [r.question, r]));
      // The =HYPERLINK body stays text: it starts with a single quote, the rest unchanged.
      const link = byBody.get(`'${HYPERLINK}`);
      expect(link, 'the HYPERLINK question').toBeTruthy();
      expect(link?.votes).toBe('4');
      expect(link?.status).toBe('VISIBLE');
      expect(link?.asker).toBe('Named Asker');
      expect(link?.['content warning']).toBe("'-grief");
      expect(link?.['answered at']).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(link?.['public replies']).toBe('Sam Facilitator: +1 great question');
      for (const body of ['+SUM(A1:A9)', '-2+3', '@cmd', '\tTabbed', '\rCarriage']) expect(byBody.has(`'${body}`), JSON.stringify(body)).toBe(true);
      // Quotes, commas and line breaks survive the round trip (the library quotes them).
      expect(byBody.has('Plain, with "quotes", commas\nand a line break')).toBe(true);
      // No cell anywhere starts with a formula character.
      for (const r of rows) for (const cell of Object.values(r)) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('anonymous askers by pseudonym only; care items, private replies, the backchannel and withdrawn questions never', async () => {
    const csv = await (await exportResponse(() => discussionCsv(w.host, w.discussionId))).text();
    const md = await (await exportResponse(() => discussionMarkdown(w.host, w.discussionId))).text();
    const rows = csvRows(csv);
    const anonRow = rows.find((r) => r.question === 'An anonymous question about integration');
    expect(anonRow?.asker).toBe('Anonymous gentle fox');
    expect(rows.find((r) => r.question.startsWith('Another anonymous'))?.asker).toBe('Anonymous asker');
    // The published care item is a normal question by then: its safe version, never the original words.
    expect(rows.some((r) => r.question === 'A gentler version the facilitators published')).toBe(true);
    for (const text of [csv, md]) {
      for (const secret of [ANON_NAME, 'Other Hidden Person', CARE_TEXT, KEPT_PRIVATE_TEXT, PUBLISHED_ORIGINAL, PRIVATE_REPLY, BACKCHANNEL, 'Taken back']) {
        expect(text.includes(secret), secret).toBe(false);
      }
    }
    expect(rows).toHaveLength(11);
    expect(md).toContain('Anonymous gentle fox');
    // Care counted once each: the one in the lane, the one kept private, the one published (also listed, as in the
    // recap: a safer version the asker agreed to share is a normal question by then).
    expect(md).toContain('Care conversations: 3 (private ones are not listed)');
  });

  it('Markdown: user text is inert (no raw HTML, no links, no headings)', async () => {
    const res = await exportResponse(() => discussionMarkdown(w.admin, w.discussionId));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = await res.text();
    expect(md).not.toMatch(/<script|<b>/i);
    expect(md).toContain('&lt;script&gt;');
    expect(md).not.toContain('[click](javascript');
    expect(md).toContain('\\[click\\]\\(javascript');
    expect(md).not.toMatch(/^# heading/m);
    // The title is escaped too.
    expect(md.split('\n')[0]).toBe('# Integration\\: &lt;b&gt;exports&lt;/b&gt; &amp; \\"quotes\\"');
  });

  it('F29: a member, a facilitator of the discussion and another elder get 403; signed out 401; unknown 404', async () => {
    for (const make of [discussionCsv, discussionMarkdown]) {
      for (const who of [w.member, w.facilitator, w.otherElder]) {
        const res = await exportResponse(() => make(who, w.discussionId));
        expect(res.status).toBe(403);
        const text = await res.text();
        expect(text).not.toContain('HYPERLINK');
      }
      expect((await exportResponse(() => make(null, w.discussionId))).status).toBe(401);
      expect((await exportResponse(() => make(w.admin, 'no-such-discussion'))).status).toBe(404);
    }
  });
});

describeDialects('audit log CSV', (dialect) => {
  useDialectDatabase(dialect.make);

  it('admins get the log as CSV with the page’s filters; cells neutralised; members 403, signed out 401', async () => {
    const admin = await makeActor('ADMIN', 'Ada Admin');
    const target = await makeActor('MEMBER', '=Evil Name');
    // Real audited rows, written as the commands write them.
    await db().$transaction(async (tx) => {
      await recordAudit(tx, admin, { action: 'user.banned', target: { type: 'user', id: target.id }, reason: '=cmd|" /C calc"!A0' });
      await recordAudit(tx, admin, { action: 'user.unbanned', target: { type: 'user', id: target.id } });
    });
    const res = await exportResponse(() => auditCsv(admin, {}));
    expect(res.status).toBe(200);
    const rows = csvRows(await res.text());
    expect(rows.map((r) => r.action)).toEqual(['user.unbanned', 'user.banned']);
    const ban = rows[1];
    expect(ban.actor).toBe('Ada Admin');
    expect(ban.target).toBe("'=Evil Name");
    expect(ban.reason).toBe('\'=cmd|" /C calc"!A0');
    expect(ban.what).toBe('banned');
    // The same filters as /admin/audit.
    expect(csvRows(await (await exportResponse(() => auditCsv(admin, { action: 'user.banned' }))).text()).map((r) => r.action)).toEqual(['user.banned']);
    expect((await exportResponse(() => auditCsv(admin, { action: 'no.such_action' }))).status).toBe(400);
    for (const who of [await makeActor('MEMBER'), await makeActor('ELDER')]) expect((await exportResponse(() => auditCsv(who, {}))).status).toBe(403);
    expect((await exportResponse(() => auditCsv(null, {}))).status).toBe(401);
  });

  it('a question in the care lane is named "a care item" in the log, never by its words', async () => {
    const w = await world();
    const admin = await makeActor('ADMIN');
    const careQuestion = await db().careItem.findFirstOrThrow({ where: { discussionId: w.discussionId, outcome: null }, select: { questionId: true } });
    await db().$transaction((tx) =>
      recordAudit(
        tx,
        null,
        { action: 'care.opened', target: { type: 'question', id: careQuestion.questionId }, detail: { source: 'care_terms' } },
        w.discussionId,
      ),
    );
    const text = await (await exportResponse(() => auditCsv(admin, {}))).text();
    const opened = csvRows(text).find((r) => r.action === 'care.opened');
    expect(opened?.target).toBe('a care item');
    expect(text).not.toContain(CARE_TEXT);
  });
});
