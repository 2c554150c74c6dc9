// Pseudonyms for anonymous askers (issue 9 item 3): "Anonymous fox", stable per person and discussion, never the
// same for two people in one discussion (also when many ask at once), drawn afresh in each discussion.
import { describe, expect, it } from 'vitest';
import { db } from '../db/client';
import { makeActor, useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { ensurePseudonym, freePseudonym, pseudonymAt } from './pseudonyms';

describe('pseudonym names', () => {
  it('animals first, then adjective and animal, then numbered: never runs out, never repeats', () => {
    expect(pseudonymAt(0)).toBe('Anonymous fox');
    const names = Array.from({ length: 2000 }, (_, i) => pseudonymAt(i));
    expect(new Set(names).size).toBe(2000);
    for (const n of names) expect(n).toMatch(/^Anonymous [a-z]+( [a-z]+)?( \d+)?$/);
  });
  it('a taken name moves on to the next combination', () => {
    expect(freePseudonym(new Set(['Anonymous fox']), 0)).toBe('Anonymous owl');
    expect(freePseudonym(new Set(), 1)).toBe('Anonymous owl');
  });
});

describeDialects('ensurePseudonym', ({ make }) => {
  useDialectDatabase(make);

  async function discussion() {
    const host = await makeActor('ELDER');
    return (
      await db().discussion.create({
        data: {
          title: 'P',
          description: '',
          startsAt: new Date(),
          timeZone: 'UTC',
          localStart: '2026-01-01T00:00',
          durationMinutes: 60,
          agreementText: 'Be kind.',
          createdById: host.id,
        },
      })
    ).id;
  }

  it('is stable per person and discussion, and unique among 30 people asking at once', async () => {
    const d = await discussion();
    const people = await Promise.all(Array.from({ length: 30 }, () => makeActor('MEMBER')));
    const names = await Promise.all(people.map((p) => ensurePseudonym(db(), d, p.id)));
    expect(new Set(names).size).toBe(30);
    expect(await ensurePseudonym(db(), d, people[0].id)).toBe(names[0]);
    // The same person's two tabs at once: one row, one name.
    const again = await Promise.all([ensurePseudonym(db(), d, people[1].id), ensurePseudonym(db(), d, people[1].id)]);
    expect(again).toEqual([names[1], names[1]]);
    expect(await db().pseudonym.count({ where: { discussionId: d } })).toBe(30);
  });

  it('is drawn afresh in each discussion', async () => {
    const person = await makeActor('MEMBER');
    const names = new Set<string>();
    for (let i = 0; i < 6; i++) names.add(await ensurePseudonym(db(), await discussion(), person.id));
    expect(names.size).toBeGreaterThan(1);
  });
});
