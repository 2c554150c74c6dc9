// Request body limits, in bytes. Plain JavaScript because next.config.js (loaded by Node itself) reads the
// server-action limit too, so the edge (server/http/body-limit.ts) and Next's own check can never disagree.

/** Route handlers (app/api/**: next-auth sign-in, calendars): small forms and JSON only. */
export const ROUTE_HANDLER_BODY_LIMIT = 64 * 1024;

/**
 * Server actions and every other request. The largest legitimate form is the library editor: every field at
 * its maximum in 3-byte UTF-8 characters (CJK) with 30 references encodes to about 302 KB; 512 KB leaves room.
 */
export const SERVER_ACTION_BODY_LIMIT = 512 * 1024;
