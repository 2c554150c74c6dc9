// The one unique-violation check, against the errors real databases raise (SQLite always; PostgreSQL when set).
import { expect, it } from 'vitest';
import { useDialectDatabase } from '../test/in-process';
import { describeDialects } from '../test/temp-databases';
import { db } from './client';
import { isUniqueViolation } from './unique-violation';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => err,
  );

describeDialects('isUniqueViolation', ({ make }) => {
  useDialectDatabase(make);

  it('recognises a unique violation and names the field it is on', async () => {
    const data = { email: 'twin@example.org', displayName: 'Twin One', nameKey: 'twin one', passwordHash: 'x' };
    await db().user.create({ data });
    const sameEmail = await failure(db().user.create({ data: { ...data, displayName: 'Twin Two', nameKey: 'twin two' } }));
    expect(isUniqueViolation(sameEmail)).toBe(true);
    expect(isUniqueViolation(sameEmail, 'email')).toBe(true);
    expect(isUniqueViolation(sameEmail, 'nameKey')).toBe(false);

    const sameName = await failure(db().user.create({ data: { ...data, email: 'other@example.org' } }));
    expect(isUniqueViolation(sameName, 'nameKey')).toBe(true);
    expect(isUniqueViolation(sameName, 'email')).toBe(false);
  });

  it('is false for other errors and non-errors', async () => {
    const missingRow = await failure(db().user.update({ where: { id: 'nobody' }, data: { displayName: 'X' } }));
    expect(missingRow).toBeInstanceOf(Error);
    expect(isUniqueViolation(missingRow)).toBe(false);
    const badForeignKey = await failure(db().agreementAcceptance.create({ data: { discussionId: 'none', userId: 'none' } }));
    expect(badForeignKey).toBeInstanceOf(Error);
    expect(isUniqueViolation(badForeignKey)).toBe(false);
    for (const v of [null, undefined, 'P2002', { code: 'P2025' }, new Error('unique')]) expect(isUniqueViolation(v)).toBe(false);
  });
});
