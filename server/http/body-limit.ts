// Bounded request bodies: a body over the limit of its route is refused with 413 before it is read whole,
// by its declared Content-Length or, for chunked bodies, by counting bytes as they arrive.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROUTE_HANDLER_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT } from './body-limits.js';

/** The limit of a request path: route handlers under /api/ are small, pages (server actions) take forms. */
export function bodyLimitFor(path: string): number {
  return path === '/api' || path.startsWith('/api/') ? ROUTE_HANDLER_BODY_LIMIT : SERVER_ACTION_BODY_LIMIT;
}

// After the 413 is written the client may still be uploading. Closing at once would reset the connection and
// can make the client lose the answer it has not read yet, so the rest is discarded for a moment (at most this
// long), then the connection is closed whatever the client still sends.
const LINGER_MS = 1000;

function refuse(req: IncomingMessage, res: ServerResponse, limit: number) {
  const socket = req.socket;
  if (res.headersSent) {
    // Next has started answering (it read part of the body): that answer cannot be completed honestly.
    socket.destroy();
    return;
  }
  // Node ends a `Connection: close` connection right after the answer (destroySoon). Instead: half-close after
  // the answer, keep reading and dropping what the client still sends for a moment, then close for good.
  socket.destroySoon = () => {
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.once('end', () => socket.destroy());
    socket.end();
  };
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(JSON.stringify({ ok: false, error: { code: 'payload_too_large', message: `The request is too large (at most ${Math.floor(limit / 1024)} KB).` } }));
}

/**
 * Applies the limit to a request before anyone reads it. Returns false when the request was refused (the
 * response is already on its way); true when it may go on, in which case a body without a Content-Length is
 * counted as it streams and refused as soon as it passes the limit.
 */
export function limitRequestBody(req: IncomingMessage, res: ServerResponse, limit: number): boolean {
  const declared = req.headers['content-length'];
  if (declared !== undefined) {
    // Node's parser guarantees the body is exactly Content-Length bytes, so the header is enough.
    if (!/^\d+$/.test(declared) || Number(declared) > limit) {
      refuse(req, res, limit);
      return false;
    }
    return true;
  }
  if (!req.headers['transfer-encoding']) return true; // no body
  // The HTTP parser hands every body chunk to push(); counting there sees the bytes before any reader does,
  // without switching the stream into flowing mode under Next.
  let received = 0;
  let refused = false;
  const push = req.push.bind(req);
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    // Past the limit every chunk is dropped (nobody downstream sees it); the connection closes shortly.
    if (refused) return true;
    if (chunk !== null) {
      received += chunk.length;
      if (received > limit) {
        refused = true;
        refuse(req, res, limit);
        return true;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}
