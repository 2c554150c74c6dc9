// The publishing port against a real Socket.IO server and real clients (no database): one rule for when a
// publication happens (the next turn, after the caller's ack; tracked so shutdown waits for it), and who gets
// what (audience, moderators, moderators + the author, one person, one session).
import { createServer, type Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { type Socket as ClientSocket, io as connect } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ClientToServerEvents, rooms, type ServerToClientEvents } from '@/lib/realtime/events';
import { settleInflight } from '../lifecycle';
import { resetProcess } from '../runtime';
import {
  disconnectSession,
  disconnectUser,
  getIo,
  type Io,
  moveOutOfModerators,
  publishToAudience,
  publishToModerators,
  publishToRoom,
  publishToUser,
  roomPresence,
  setIo,
} from './bus';

type Client = ClientSocket<ServerToClientEvents, ClientToServerEvents>;
type Who = { userId: string; sid: string; mod?: boolean };

const D = 'd1';
let http: HttpServer;
let io: Io;
let url: string;
const open: Client[] = [];

beforeAll(async () => {
  http = createServer();
  io = new Server(http);
  // Stands in for the handshake and the join: identity from the test, rooms as the live room sets them.
  io.use((socket, next) => {
    const who = socket.handshake.auth as Who;
    socket.data.claims = { userId: who.userId, sessionVersion: 0, sid: who.sid };
    socket.data.actor = {
      id: who.userId,
      email: `${who.userId}@example.org`,
      displayName: `Name ${who.userId}`,
      role: 'MEMBER',
      timeZone: 'UTC',
      sessionVersion: 0,
    };
    socket.data.joined = { discussionId: D, at: new Date(Date.now() - Number(who.userId.replace(/\D/g, '')) * 1000).toISOString() };
    next();
  });
  io.on('connection', (socket) => {
    const who = socket.handshake.auth as Who;
    void socket.join([rooms.user(who.userId), rooms.discussion(D), ...(who.mod ? [rooms.discussionMods(D)] : [])]);
    // A command in miniature: publish, then ack in the same turn, as handle() does after a command returns.
    socket.on('discussion:start', (_payload, ack) => {
      publishToRoom(D, 'discussion:state', { discussionId: D, status: 'LIVE', startedAt: null, endedAt: null });
      ack({ ok: true, data: null });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  setIo(io);
});

afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

afterAll(async () => {
  setIo(null);
  await new Promise<void>((r) => void io.close(() => r()));
  resetProcess();
});

async function client(who: Who): Promise<Client> {
  const c: Client = connect(url, { auth: who, transports: ['websocket'], forceNew: true });
  open.push(c);
  await new Promise<void>((resolve, reject) => {
    c.once('connect', () => resolve());
    c.once('connect_error', reject);
  });
  return c;
}

/** Everything a client receives, in order. */
function record(c: Client): string[] {
  const seen: string[] = [];
  c.onAny((event, payload) => seen.push(`${event} ${JSON.stringify(payload)}`));
  return seen;
}

/** Resolves after a marker publication sent to everyone has reached every client: what was sent before it has arrived. */
async function quiet(...clients: Client[]) {
  const arrived = clients.map((c) => new Promise<void>((r) => c.once('question:highlighted', () => r())));
  publishToRoom(D, 'question:highlighted', { questionId: 'marker' });
  await Promise.all(arrived);
}

const without = (seen: string[]) => seen.filter((s) => !s.includes('"marker"'));

describe('realtime bus', () => {
  it('one rule: the ack reaches the client before the broadcast its command published (write → ack → broadcast)', async () => {
    const c = await client({ userId: 'u1', sid: 's1' });
    const order: string[] = [];
    c.on('discussion:state', () => order.push('broadcast'));
    const broadcast = new Promise((r) => c.once('discussion:state', r));
    // The ack callback runs as its packet is read (an awaited emitWithAck would resume only after the next one).
    c.emit('discussion:start', { discussionId: D }, () => order.push('ack'));
    await broadcast;
    expect(order).toEqual(['ack', 'broadcast']);
  });

  it('publications wait for the next turn and are tracked work, so shutdown sends them before closing sockets', async () => {
    const c = await client({ userId: 'u1', sid: 's1' });
    const got = new Promise((r) => c.once('question:withdrawn', r));
    publishToRoom(D, 'question:withdrawn', { id: 'q1' });
    expect(await settleInflight(0)).toBe(false); // queued, not yet sent
    expect(await settleInflight(1000)).toBe(true);
    expect(await got).toEqual({ id: 'q1' });
  });

  it('audience and moderators get their own payloads; moderators + the author get it once each', async () => {
    const member = await client({ userId: 'u1', sid: 's1' });
    const author = await client({ userId: 'u2', sid: 's2' });
    const mod = await client({ userId: 'u3', sid: 's3', mod: true });
    const modAuthor = await client({ userId: 'u4', sid: 's4', mod: true });
    const [m, a, md, ma] = [member, author, mod, modAuthor].map(record);

    publishToAudience(D, 'question:asked', { id: 'audience-view' } as never);
    publishToModerators(D, 'question:asked', { id: 'moderator-view' } as never);
    publishToModerators(D, 'question:answered', { id: 'pending', answeredAt: 'now' }, { andUser: 'u2' });
    publishToModerators(D, 'question:withdrawn', { id: 'pending-of-a-mod' }, { andUser: 'u4' });
    await quiet(member, author, mod, modAuthor);

    expect(without(m)).toEqual(['question:asked {"id":"audience-view"}']);
    expect(without(a)).toEqual(['question:asked {"id":"audience-view"}', 'question:answered {"id":"pending","answeredAt":"now"}']);
    expect(without(md)).toEqual([
      'question:asked {"id":"moderator-view"}',
      'question:answered {"id":"pending","answeredAt":"now"}',
      'question:withdrawn {"id":"pending-of-a-mod"}',
    ]);
    expect(without(ma)).toEqual([
      'question:asked {"id":"moderator-view"}',
      'question:answered {"id":"pending","answeredAt":"now"}',
      'question:withdrawn {"id":"pending-of-a-mod"}',
    ]);
  });

  it('moveOutOfModerators: no moderator frame published after it reaches the person; they are asked to re-join', async () => {
    const mod = await client({ userId: 'u5', sid: 's5', mod: true });
    const other = await client({ userId: 'u6', sid: 's6', mod: true });
    const [seen, otherSeen] = [mod, other].map(record);
    moveOutOfModerators('u5', D);
    publishToModerators(D, 'question:asked', { id: 'after-removal' } as never);
    await quiet(mod, other);
    expect(without(seen)).toEqual(['discussion:rights-changed {"discussionId":"d1"}']);
    expect(without(otherSeen)).toEqual(['question:asked {"id":"after-removal"}']);
  });

  it('publishToUser reaches every socket of that person only; disconnectSession drops one session, disconnectUser all', async () => {
    const tab1 = await client({ userId: 'u7', sid: 'phone' });
    const tab2 = await client({ userId: 'u7', sid: 'laptop' });
    const bystander = await client({ userId: 'u8', sid: 's8' });
    const [t1, t2, b] = [tab1, tab2, bystander].map(record);
    publishToUser('u7', 'account:changed', { role: 'FACILITATOR', displayName: 'Seven' });
    await quiet(tab1, tab2, bystander);
    expect(without(t1)).toEqual(['account:changed {"role":"FACILITATOR","displayName":"Seven"}']);
    expect(without(t2)).toEqual(without(t1));
    expect(without(b)).toEqual([]);

    const phoneGone = new Promise((r) => tab1.once('disconnect', r));
    disconnectSession('u7', 'phone');
    expect(await phoneGone).toBe('io server disconnect');
    await quiet(tab2, bystander);
    expect(tab2.connected).toBe(true);

    const laptopGone = new Promise((r) => tab2.once('disconnect', r));
    disconnectUser('u7');
    expect(await laptopGone).toBe('io server disconnect');
    expect(bystander.connected).toBe(true);
  });

  it('roomPresence lists the sockets in the room now (a read, answered at once)', async () => {
    await client({ userId: 'u9', sid: 's9' });
    await client({ userId: 'u9', sid: 's9b' });
    const members = await roomPresence(D);
    expect(members?.filter((m) => m.userId === 'u9')).toHaveLength(2);
    expect(members?.[0]).toEqual({
      userId: expect.any(String),
      name: expect.stringMatching(/^Name /),
      joinedAt: expect.any(String),
      socketId: expect.any(String),
    });
    expect(await roomPresence('no-such-discussion')).toEqual([]);
  });

  it('without a Socket.IO server (scripts, unit tests) publishing is a no-op and nothing is tracked', async () => {
    setIo(null);
    try {
      publishToRoom(D, 'question:withdrawn', { id: 'q2' });
      disconnectUser('u1');
      expect(await settleInflight(0)).toBe(true);
      expect(await roomPresence(D)).toBeNull();
    } finally {
      setIo(io);
    }
    expect(getIo()).toBe(io);
  });
});
