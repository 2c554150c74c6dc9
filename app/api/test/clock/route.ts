// Tests only: moves the server's clock (server/clock.ts) so e2e tests of mutes and claims need no sleeps (F12).
// Exists only when the process runs with FIRESIDE_TEST_CLOCK=1; answers 404 otherwise.
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

export async function POST(req: Request) {
  if (process.env.FIRESIDE_TEST_CLOCK !== '1') return new Response('Not found', { status: 404 });
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Send {"advanceMs": <milliseconds>}.' }, { status: 400 });
  advanceClock(parsed.data.advanceMs);
  return Response.json({ serverTime: now().getTime() });
}
