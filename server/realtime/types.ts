import type { Actor, SessionClaims } from '../auth/actor';

/** What the handshake stores on each socket: the verified claims and the actor they resolved to. */
export type SocketData = { claims: SessionClaims; actor: Actor; joined?: { discussionId: string; at: string } };
