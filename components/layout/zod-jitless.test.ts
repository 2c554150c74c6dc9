// The layout turns zod's compiler off without importing zod; this holds only while zod reads its config from the
// global object it adopts, so a zod upgrade that moves it fails here rather than in the browser's CSP report.
import { afterAll, describe, expect, it } from 'vitest';

describe('ZodJitless', () => {
  // Workers run file after file: leave zod compiling for the server tests that follow.
  afterAll(() => {
    delete (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig?.jitless;
  });

  it('sets the flag zod reads when zod loads after it (the root layout runs first)', async () => {
    await import('./zod-jitless');
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
    expect(z.config()).toBe((globalThis as { __zod_globalConfig?: object }).__zod_globalConfig);
  });
});
