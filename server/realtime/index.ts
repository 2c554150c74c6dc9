// The Socket.IO server: Origin allowlist before the handshake (F06), session cookie verified in middleware
// (F07, F08: query-string tokens are never read), bounded buffers (F01), one room per user for bans.
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { Server } from 'socket.io';
import { rooms, SOCKET_MAX_BUFFER_BYTES } from '@/lib/realtime/events';
import { claimsFromToken, recentActorFromClaims, sessionTokenFrom } from '../auth/actor';
import type { Config } from '../config';
import { isAllowedOrigin } from '../http/origin';
import { isDraining, type WireConnection, wireFlushed } from '../lifecycle';
import { onStop } from '../runtime';
import { createRealtimeAdapter } from './adapter';
import { backchannelRoutes } from './backchannel-handlers';
import { type Io, setIo } from './bus';
import { careRoutes } from './care-handlers';
import { router, type SocketRoutes } from './handler';
import { leftOnDisconnect, liveRoutes } from './live-handlers';
import { moderationRoutes } from './moderation-handlers';
import { greetSystem, systemRoutes } from './system-handlers';

/** Per-user socket cap on each node (F05): many tabs are fine, hundreds are an attack. */
export const MAX_SOCKETS_PER_USER = 12;

/** What the node's shutdown does with its sockets (server/app.ts stop, in this order; F25). */
export type Realtime = {
  /** Resolves true once every local connection has written what it queued (acks, broadcasts), or has closed. */
  wireFlushed: (deadlineMs: number) => Promise<boolean>;
  /** Tells this node's clients to reconnect elsewhere and closes their sockets; waits up to `waitMs` for them. */
  closeSockets: (waitMs: number) => Promise<void>;
  /** Closes the Socket.IO server (and with it the HTTP server: no new connections); resolves once closed. */
  closeServer: () => Promise<void>;
};

export function createRealtime(httpServer: HttpServer, config: Config): Realtime {
  const shared = createRealtimeAdapter(config);
  if (shared) onStop('close', 'realtime adapter connection', shared.close);
  const io: Io = new Server(httpServer, {
    ...(shared ? { adapter: shared.adapter } : {}),
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    maxHttpBufferSize: SOCKET_MAX_BUFFER_BYTES,
    // cors alone does not stop a websocket from another site: allowRequest runs for every transport.
    // A node that is shutting down takes no new connections; clients retry and reach another node (F25).
    allowRequest: (req, callback) =>
      isDraining() ? callback('shutting_down', false) : callback(null, isAllowedOrigin(req.headers.origin, config.allowedOrigins)),
    cors: { origin: config.allowedOrigins, credentials: true },
    // No connection-state recovery: it restores a socket's rooms and replays the packets it missed before our
    // checks can run, so a facilitator demoted (or a member banned) while briefly offline would get moderator
    // frames (anonymous authors, attendees) addressed to their old rights. Every reconnect is a fresh socket;
    // the client re-joins, and the join answer (the whole room state, derived from the rights of that moment)
    // replaces what it held, so nothing is lost either.
  });

  // F01: engine.io answers a polling POST over maxHttpBufferSize with 413 but keeps the session (and its
  // per-user slot) open until the ping timeout; close it, as an oversized websocket frame closes its connection.
  io.engine.use((req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    res.once('finish', () => {
      if (res.statusCode !== 413) return;
      const sid = new URL(req.url ?? '/', 'http://localhost').searchParams.get('sid');
      const clients = (io.engine as unknown as { clients: Record<string, { close(discard?: boolean): void } | undefined> }).clients;
      if (sid) clients[sid]?.close(true);
    });
    next();
  });

  // Every client event, one table for all sockets (server/realtime/*-handlers.ts): each calls one use case.
  const routes: SocketRoutes = { ...systemRoutes, ...liveRoutes, ...moderationRoutes, ...careRoutes, ...backchannelRoutes };
  const route = router(routes);

  const socketsPerUser = new Map<string, number>();
  io.use(async (socket, next) => {
    try {
      const cookies = parseCookies(socket.request.headers.cookie ?? '');
      const claims = await claimsFromToken(sessionTokenFrom(cookies));
      const actor = await recentActorFromClaims(claims);
      if (!claims || !actor) return next(new Error('unauthenticated'));
      const open = socketsPerUser.get(actor.id) ?? 0;
      if (open >= MAX_SOCKETS_PER_USER) return next(new Error('too_many_connections'));
      // The transport can close while this middleware awaits the database: such a socket never connects and
      // never emits "disconnect", so its slot is also released when its connection closes (F05).
      if (socket.conn.readyState !== 'open') return next(new Error('unavailable'));
      socketsPerUser.set(actor.id, open + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        socket.conn.off('close', release);
        const n = (socketsPerUser.get(actor.id) ?? 1) - 1;
        if (n > 0) socketsPerUser.set(actor.id, n);
        else socketsPerUser.delete(actor.id);
      };
      socket.once('disconnect', release);
      socket.conn.once('close', release);
      socket.data.claims = claims;
      socket.data.actor = actor;
      next();
    } catch (err) {
      console.error('[fireside] handshake failed', err);
      next(new Error('unavailable'));
    }
  });

  io.on('connection', (socket) => {
    // An idle socket's memory: once verified, nothing reads its opening HTTP request again (headers, the session
    // cookie); engine.io and the handshake would keep them for the socket's life (bench/README.md, memory).
    (socket.conn as unknown as { request: unknown }).request = null;
    socket.handshake.headers = {};
    void socket.join(rooms.user(socket.data.actor.id));
    socket.onAny(route);
    socket.on('disconnect', leftOnDisconnect);
    greetSystem(socket);
  });

  setIo(io);
  const local = () => [...io.sockets.sockets.values()];
  return {
    // Bounded by the caller: a client that stopped reading gets its answer through the outbox after reconnecting.
    wireFlushed: (deadlineMs) =>
      wireFlushed(
        local().map((s) => s.conn as unknown as WireConnection),
        deadlineMs,
      ),
    closeSockets: async (waitMs) => {
      const sockets = local();
      // Only this node's sockets: the others are not going anywhere (io.emit would cross the Redis adapter).
      // disconnect(true) sends "disconnect" after the notice and closes each connection once its buffer drained.
      io.local.emit('server:shutdown', { reconnectInMs: 500 });
      const gone = Promise.all(sockets.map((s) => (s.conn.readyState === 'closed' ? null : new Promise((r) => s.conn.once('close', r)))));
      io.local.disconnectSockets(true);
      await Promise.race([gone, new Promise((r) => setTimeout(r, waitMs))]);
    },
    closeServer: () => {
      // io.close() closes what is left (connections still mid-handshake) and the HTTP server; from here on
      // nothing is published from this process.
      const closed = new Promise<void>((resolve) => void io.close(() => resolve()));
      setIo(null);
      return closed;
    },
  };
}
