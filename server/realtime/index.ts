// The Socket.IO server: Origin allowlist before the handshake (F06), session cookie verified in middleware
// (F07, F08: query-string tokens are never read), bounded buffers (F01), one room per user for bans.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { Server } from 'socket.io';
import { rooms, SOCKET_MAX_BUFFER_BYTES } from '@/lib/realtime/events';
import { actorFromClaims, claimsFromToken, sessionTokenFrom } from '../auth/actor';
import type { Config } from '../config';
import { isAllowedOrigin } from '../http/origin';
import { isDraining } from '../lifecycle';
import { createRealtimeAdapter } from './adapter';
import { setIo, type Io } from './bus';
import { registerLiveHandlers } from './live-handlers';
import { registerSystemHandlers } from './system-handlers';

/** Per-user socket cap on each node (F05): many tabs are fine, hundreds are an attack. */
export const MAX_SOCKETS_PER_USER = 12;

export function createRealtime(httpServer: HttpServer, config: Config): { io: Io; close: () => Promise<void> } {
  const shared = createRealtimeAdapter(config);
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

  const socketsPerUser = new Map<string, number>();
  io.use(async (socket, next) => {
    try {
      const cookies = parseCookies(socket.request.headers.cookie ?? '');
      const claims = await claimsFromToken(sessionTokenFrom(cookies));
      const actor = await actorFromClaims(claims);
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
    void socket.join(rooms.user(socket.data.actor.id));
    registerSystemHandlers(socket);
    registerLiveHandlers(socket);
  });

  setIo(io);
  return { io, close: async () => shared?.close() };
}
