'use client';
// zod 4 probes once whether it may compile validators with `new Function`. Under the CSP (no 'unsafe-eval')
// the probe is refused and reported as a violation, although zod then works without it; turning the compiler
// off in the browser skips the probe. Rendered by the root layout, so it runs before any form validates.
// zod keeps its config on globalThis (`__zod_globalConfig`, zod/v4/core/core.js) and adopts an object already
// there, so setting it needs no zod in the bundle: pages whose client code never validates load none of it
// (zod-jitless.test.ts checks that zod still reads the flag from there).

type ZodGlobal = { __zod_globalConfig?: { jitless?: boolean } };
const g = globalThis as ZodGlobal;
g.__zod_globalConfig = Object.assign(g.__zod_globalConfig ?? {}, { jitless: true });

export function ZodJitless() {
  return null;
}
