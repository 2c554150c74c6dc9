// Which Chromium the end-to-end tests drive. `npx playwright install` cannot download on every network, and a
// fresh Linux machine has no system browser, so the last resort is the Chromium shipped inside the npm package
// @sparticuz/chromium (a plain registry install, no download step). Order:
//   CHROMIUM_PATH → Playwright's own downloaded browser → /usr/bin/chromium → @sparticuz/chromium.
// FIRESIDE_IGNORE_SYSTEM_CHROMIUM=1 skips the two installed ones (Playwright's and /usr/bin/chromium), so the
// bundled path can be tried on a machine that has them without removing anything others use.
import { accessSync, constants, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium as playwrightChromium } from '@playwright/test';

type BrowserSource = 'CHROMIUM_PATH' | 'playwright' | 'system' | '@sparticuz/chromium';
export type BrowserChoice = { source: BrowserSource; executablePath: string };

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// Playwright's usual headless flags, for every source. Not @sparticuz/chromium's own `chromium.args`: those are
// for serverless and include `--single-process` (closing a context kills the browser) and
// `--disable-web-security` (sign-in POSTs then fail the Origin check with 403). The background-networking ones
// keep Chromium from calling home on a closed network.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type ChooseOptions = {
  env?: Record<string, string | undefined>;
  // Where the two installed browsers would be; parameters so a test can point them at real files of its own.
  playwrightPath?: string;
  systemPath?: string;
  // Folder the bundled Chromium is unpacked under (default: the OS temp folder).
  cacheRoot?: string;
};

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export async function chooseChromium(options: ChooseOptions = {}): Promise<BrowserChoice> {
  const env = options.env ?? process.env;
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    // A path someone set on purpose and got wrong should stop the run, not quietly test another browser.
    if (!isExecutableFile(configured)) throw new Error(`CHROMIUM_PATH=${configured} is not an executable file`);
    return { source: 'CHROMIUM_PATH', executablePath: configured };
  }
  if (env.FIRESIDE_IGNORE_SYSTEM_CHROMIUM !== '1') {
    const own = options.playwrightPath ?? playwrightChromium.executablePath();
    if (isExecutableFile(own)) return { source: 'playwright', executablePath: own };
    const system = options.systemPath ?? SYSTEM_CHROMIUM;
    if (isExecutableFile(system)) return { source: 'system', executablePath: system };
  }
  return { source: '@sparticuz/chromium', executablePath: await unpackBundledChromium(options.cacheRoot) };
}

// `chromium.executablePath()` unpacks into os.tmpdir() and trusts any `chromium` file already there, so an
// interrupted unpack (or another version's) would be used forever, and two processes unpacking at once would
// read each other's half-written file. So: unpack into a fresh staging folder (the package reads TMPDIR when
// the call starts; it computes every output path synchronously), then rename it to a per-version folder in
// one step. Whoever renames first wins; a loser deletes its copy and uses the winner's.
async function unpackBundledChromium(cacheRoot = os.tmpdir()): Promise<string> {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@sparticuz/chromium');
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(cacheRoot, `fireside-chromium-${version}`);
  const binary = path.join(dir, 'chromium');
  if (isExecutableFile(binary)) return binary;

  const staging = mkdtempSync(`${dir}.partial-`);
  try {
    const { default: bundled } = await import('@sparticuz/chromium');
    const savedTmpdir = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    let unpacking: Promise<string>;
    try {
      unpacking = bundled.executablePath();
    } finally {
      if (savedTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmpdir;
    }
    const unpacked = await unpacking;
    if (unpacked !== path.join(staging, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${unpacked}, expected ${staging}`);
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!isExecutableFile(binary)) throw error;
    }
    return binary;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
