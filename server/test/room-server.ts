// The in-process room server a socket suite runs against (in-process-server.ts), with the sockets it opens:
// started on a fresh database before the suite, every socket closed, the server stopped and the database dropped
// after it. One per test file: `const rs = roomServer();` at the top, `rs.use()` at file level or `rs.use(make)`
// inside describeDialects (each dialect's suite gets its own server and database).
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../db/client';
import type { TestSocket } from './harness';
import { type InProcessServer, startInProcess } from './in-process-server';
import { setNewMemberHolds, socketFor } from './live-fixtures';
import type { TestDialect } from './temp-databases';

export type RoomServer = {
  /** The running server (throws before `use`'s beforeAll has started it, or after its afterAll stopped it). */
  readonly server: InProcessServer;
  /** The server's own database client, the one its commands use. */
  readonly db: Db;
  /** A connected socket for the user, closed after the suite. */
  connect: (email: string, opts?: Parameters<typeof socketFor>[2]) => Promise<TestSocket>;
  /**
   * One connected socket per staff member for the whole suite (at most 12 sockets per person per node), opened
   * again if it was closed: each test's room joins it to that test's discussion, which leaves the previous one.
   */
  staff: (email: string) => Promise<TestSocket>;
  /** Closes a socket opened some other way after the suite, with the rest. */
  track: <S extends TestSocket>(socket: S) => S;
  /**
   * Registers the hooks in the current scope (file or describe): before it, start on `make`'s database (else a
   * fresh SQLite one) with no new-member holds; after it, close every socket, stop, drop the database.
   */
  use: (make?: TestDialect['make']) => void;
};

export function roomServer(): RoomServer {
  let current: InProcessServer | undefined;
  const open: TestSocket[] = [];
  const staffSockets = new Map<string, TestSocket>();
  const running = () => {
    if (!current) throw new Error('the room server is not running: call rs.use() in the file or describe, and use rs only inside its tests and hooks');
    return current;
  };
  const track = <S extends TestSocket>(socket: S) => {
    open.push(socket);
    return socket;
  };
  const connect = async (email: string, opts?: Parameters<typeof socketFor>[2]) => track(await socketFor(running(), email, opts));

  return {
    get server() {
      return running();
    },
    get db() {
      return running().db;
    },
    connect,
    staff: async (email) => {
      let s = staffSockets.get(email);
      if (!s?.connected) {
        s = await connect(email);
        staffSockets.set(email, s);
      }
      return s;
    },
    track,
    use: (make) => {
      let drop: () => Promise<void> = async () => {};
      beforeAll(async () => {
        const d = make ? await make() : undefined;
        if (d) drop = d.drop;
        current = await startInProcess(d ? { databaseUrl: d.url } : {});
        staffSockets.clear();
        // These suites are about the room itself: a member's first questions are not held for review here (the
        // new-member tier is tested in moderation-queue.int.test.ts).
        await setNewMemberHolds(current.db, 0);
      });
      afterAll(async () => {
        for (const s of open.splice(0)) s.close();
        staffSockets.clear();
        await current?.stop();
        current = undefined;
        await drop();
      });
    },
  };
}
