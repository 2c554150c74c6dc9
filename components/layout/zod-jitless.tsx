'use client';
// zod 4 probes once whether it may compile validators with `new Function`. Under the CSP (no 'unsafe-eval')
// the probe is refused and reported as a violation, although zod then works without it; turning the compiler
// off in the browser skips the probe. Rendered by the root layout, so it runs before any form validates.
import { z } from 'zod';

z.config({ jitless: true });

export function ZodJitless() {
  return null;
}
