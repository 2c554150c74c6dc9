// Tests only: moves the server's clock (server/clock.ts) so e2e tests of mutes and claims need no sleeps (F12).
// Exists only when the process runs with FIRESIDE_TEST_CLOCK=1 AND a token in FIRESIDE_TEST_CLOCK_TOKEN, and the
// request carries that token in the x-fireside-test-clock header (e2e/server.mjs makes a random one per run);
// answers 404 otherwise, so a flag left on by mistake does not hand anyone the clock.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { advanceClock, now } from '@/server/clock';

export const dynamic = 'force-dynamic';

const bodySchema = z
  .object({
    advanceMs: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60 * 60_000),
  })
  .strict();

const TOKEN_HEADER = 'x-fireside-test-clock';

function allowed(req: Request): boolean {
  const token = process.env.FIRESIDE_TEST_CLOCK_TOKEN ?? '';
  if (process.env.FIRESIDE_TEST_CLOCK !== '1' || token.length < 16) return false;
  const sent = Buffer.from(req.headers.get(TOKEN_HEADER) ?? '');
  const want = Buffer.from(token);
  return sent.length === want.length && timingSafeEqual(sent, want);
}

export async function POST(req: Request) {
  if (!allowed(req)) return new Response('Not found', { status: 404 });
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Send {"advanceMs": <milliseconds>}.' }, { status: 400 });
  advanceClock(parsed.data.advanceMs);
  return Response.json({ serverTime: now().getTime() });
}
