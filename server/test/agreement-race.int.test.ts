// Two tabs of one person entering a room for the first time at the same moment, both accepting the agreement: both
// get in, and the acceptance is stored once (on PostgreSQL the second insert used to fail with `internal`: the
// unique key of AgreementAcceptance). Real sockets, both dialects.
import { expect, it } from 'vitest';
import { createDiscussion, createMember, userId } from './live-fixtures';
import { roomServer } from './room-server';
import { describeDialects } from './temp-databases';

describeDialects('agreement accepted from two tabs at once', (dialect) => {
  const rs = roomServer();
  rs.use(dialect.make);

  it('both joins succeed and one acceptance is stored', async () => {
    for (let round = 0; round < 3; round++) {
      const discussionId = await createDiscussion(rs.db, { status: 'LIVE' });
      const email = await createMember(rs.db);
      const [a, b] = await Promise.all([rs.connect(email), rs.connect(email)]);
      const payload = { discussionId, acceptAgreement: true };
      const [ra, rb] = await Promise.all([a.emitWithAck('discussion:join', payload), b.emitWithAck('discussion:join', payload)]);
      expect(ra.ok && ra.data.role, JSON.stringify(ra)).toBe('member');
      expect(rb.ok && rb.data.role, JSON.stringify(rb)).toBe('member');
      const id = await userId(rs.db, email);
      expect(await rs.db.agreementAcceptance.count({ where: { discussionId, userId: id } })).toBe(1);
      a.close();
      b.close();
    }
  });
});
