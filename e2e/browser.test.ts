// The browser choice for end-to-end tests (issue 8, item 1): a bare Linux machine with no system browser and no
// Playwright download still runs the suite, on the Chromium inside @sparticuz/chromium. Run by vitest, not
// Playwright (playwright.config.ts matches *.spec.ts only).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_ARGS, chooseChromium } from './browser';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'fireside-browser-test-'));
const missing = path.join(scratch, 'no-such-browser');
// Stand-ins for installed browsers: real executable files (the choice only looks for them, it never runs them).
function fakeBrowser(name: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, '#!/bin/sh\nexit 1\n');
  chmodSync(file, 0o755);
  return file;
}
const ownPlaywright = fakeBrowser('playwright-chrome');
const system = fakeBrowser('system-chromium');
const env = (extra: Record<string, string> = {}) => ({ PATH: process.env.PATH, ...extra });

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('choosing the Chromium for end-to-end tests', () => {
  test('CHROMIUM_PATH comes first, before any installed browser', async () => {
    const configured = fakeBrowser('configured');
    const choice = await chooseChromium({ env: env({ CHROMIUM_PATH: configured }), playwrightPath: ownPlaywright, systemPath: system });
    expect(choice).toEqual({ source: 'CHROMIUM_PATH', executablePath: configured });
  });

  test('a CHROMIUM_PATH that is not an executable file stops the run, naming the path', async () => {
    await expect(chooseChromium({ env: env({ CHROMIUM_PATH: missing }), playwrightPath: ownPlaywright, systemPath: system })).rejects.toThrow(
      `CHROMIUM_PATH=${missing} is not an executable file`,
    );
  });

  test("Playwright's own downloaded browser comes before /usr/bin/chromium", async () => {
    const choice = await chooseChromium({ env: env(), playwrightPath: ownPlaywright, systemPath: system });
    expect(choice).toEqual({ source: 'playwright', executablePath: ownPlaywright });
  });

  test("/usr/bin/chromium when Playwright's own browser is not downloaded", async () => {
    const choice = await chooseChromium({ env: env(), playwrightPath: missing, systemPath: system });
    expect(choice).toEqual({ source: 'system', executablePath: system });
  });

  test('a system path that exists but is not executable does not count', async () => {
    const notExecutable = path.join(scratch, 'not-executable');
    writeFileSync(notExecutable, '');
    mkdirSync(path.join(scratch, 'a-folder'));
    for (const systemPath of [notExecutable, path.join(scratch, 'a-folder')]) {
      const choice = await chooseChromium({ env: env(), playwrightPath: missing, systemPath });
      expect(choice.source).toBe('@sparticuz/chromium');
    }
  });
});

describe('the Chromium inside @sparticuz/chromium (no installed browser)', () => {
  let tmp: string;
  let savedTmpdir: string | undefined;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    // A temp folder of our own, with a stray `chromium` file in it as an interrupted unpack leaves behind: the
    // package's own executablePath() would trust it; ours must not.
    tmp = mkdtempSync(path.join(os.tmpdir(), 'fireside-bundled-'));
    writeFileSync(path.join(tmp, 'chromium'), '#!/bin/sh\nexit 1\n');
    chmodSync(path.join(tmp, 'chromium'), 0o755);
    savedTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = tmp;

    let clicks = 0;
    server = createServer((req, res) => {
      if (req.method === 'POST') {
        clicks += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ clicks, origin: req.headers.origin ?? null }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>probe</title>
        <button onclick="fetch('/click', { method: 'POST' }).then((r) => r.json()).then((b) => { document.querySelector('output').textContent = b.clicks + ' ' + b.origin; })">Click</button>
        <output></output>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
    await new Promise((resolve) => server.close(resolve));
    rmSync(tmp, { recursive: true, force: true });
  });

  test("is unpacked to a per-version folder and drives pages with Playwright's usual args", async () => {
    const choice = await chooseChromium({ env: env(), playwrightPath: missing, systemPath: missing });
    expect(choice.source).toBe('@sparticuz/chromium');
    expect(choice.executablePath).toMatch(new RegExp(`^${tmp}/fireside-chromium-153\\.\\d+\\.\\d+/chromium$`));

    const browser = await chromium.launch({ executablePath: choice.executablePath, args: CHROMIUM_ARGS });
    try {
      // Two contexts one after the other: with the package's own `--single-process`, closing the first one
      // kills the browser.
      for (const expected of ['1', '2']) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(origin);
        await page.getByRole('button', { name: 'Click' }).click();
        // The POST carries the page's Origin (the app's sign-in Origin check needs it).
        await expect.poll(() => page.locator('output').textContent()).toBe(`${expected} ${origin}`);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });

  test('FIRESIDE_IGNORE_SYSTEM_CHROMIUM=1 skips the installed browsers and reuses the unpacked one', async () => {
    const first = await chooseChromium({ env: env(), playwrightPath: missing, systemPath: missing });
    const choice = await chooseChromium({ env: env({ FIRESIDE_IGNORE_SYSTEM_CHROMIUM: '1' }), playwrightPath: ownPlaywright, systemPath: system });
    expect(choice).toEqual({ source: '@sparticuz/chromium', executablePath: first.executablePath });
  });
});

// The real thing, without disturbing anyone else on the machine: in a private mount namespace, an overlay with a
// whiteout makes /usr/bin/chromium absent for this child process only, and PLAYWRIGHT_BROWSERS_PATH points at an
// empty folder. No test hook is set: the module sees a bare machine.
const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;
describe.skipIf(!canUnshare)(`a machine without /usr/bin/chromium${canUnshare ? '' : ' (skipped: needs root and unshare -m)'}`, () => {
  test('chooses the bundled Chromium', () => {
    const ns = mkdtempSync(path.join(os.tmpdir(), 'fireside-no-chromium-'));
    try {
      for (const dir of ['upper', 'work', 'browsers']) mkdirSync(path.join(ns, dir));
      const script = [
        'set -e',
        `mknod ${ns}/upper/chromium c 0 0`,
        `mount -t overlay overlay -o lowerdir=/usr/bin,upperdir=${ns}/upper,workdir=${ns}/work /usr/bin`,
        'test ! -e /usr/bin/chromium',
        `exec "${process.execPath}" --import tsx --input-type=module -e "const { chooseChromium } = await import('./e2e/browser.ts'); console.log(JSON.stringify(await chooseChromium()))"`,
      ].join('\n');
      const childEnv: NodeJS.ProcessEnv = { ...process.env, PLAYWRIGHT_BROWSERS_PATH: path.join(ns, 'browsers') };
      delete childEnv.CHROMIUM_PATH;
      delete childEnv.FIRESIDE_IGNORE_SYSTEM_CHROMIUM;
      const run = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { cwd: process.cwd(), env: childEnv, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const choice = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as { source: string; executablePath: string };
      expect(choice.source).toBe('@sparticuz/chromium');
      expect(choice.executablePath).toMatch(/\/fireside-chromium-153\.\d+\.\d+\/chromium$/);
    } finally {
      rmSync(ns, { recursive: true, force: true });
    }
  });
});
