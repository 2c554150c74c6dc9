// `npm run bench`: every benchmark of issue 11 in sequence, each in a process of its own (pinned to the clients' core;
// the servers it starts are pinned to the other), under one watchdog. Writes bench/results/<date>-<name>.json per
// benchmark, prints one Markdown table and puts it into bench/README.md between the bench:results markers.
// BENCH_SCALE=tiny runs the whole suite at smoke-test sizes in a few minutes; `npm run bench -- fanout memory` runs
// only the named suites.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(import.meta.dirname, '..');
process.env.NEXT_DIST_DIR ??= '.next-bench';
const SCALE = process.env.BENCH_SCALE ?? 'full';

/** In order: the cheap ones first, so a full run that hits the watchdog still reports most of the suite. */
const SUITES = [
  { name: 'first-load', file: 'first-load.ts', title: 'First-load JavaScript' },
  { name: 'fanout', file: 'fanout.ts', title: 'Room fan-out' },
  { name: 'upvote-storm', file: 'upvote-storm.ts', title: 'Upvote storm' },
  { name: 'join-storm', file: 'join-storm.ts', title: 'Join storm' },
  { name: 'memory', file: 'memory.ts', title: 'Memory' },
  { name: 'http', file: 'http-load.ts', title: 'HTTP under load' },
  { name: 'two-nodes', file: 'two-nodes.ts', title: 'Two nodes + Redis' },
];

/** The whole run must end within 15 minutes on the 2-core machine: the watchdog stops it a little before. */
const TOTAL_MS = Number(process.env.BENCH_TOTAL_TIMEOUT_MS ?? 14 * 60_000);

type Row = {
  metric: string;
  unit: string;
  target: string;
  fireside: number | null;
  ws: number | null;
  ratio: number | null;
  vs?: string;
  pass: boolean | null;
};
type Result = {
  name: string;
  title: string;
  scale: string;
  date: string;
  durationS: number;
  loadAverage: { start: string; end: string };
  pinning: string;
  rows: Row[];
  skipped?: string;
  error?: string;
};

const fmt = (n: number | null) =>
  n === null || n === undefined ? '—' : !Number.isFinite(n) ? '∞ (missed)' : Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : String(n);

function table(results: Result[]): string {
  const lines = ['| benchmark | metric | target | Fireside | baseline | ratio | result |', '| --- | --- | --- | --: | --: | --: | --- |'];
  for (const r of results) {
    const title = SUITES.find((s) => s.name === r.name)?.title ?? r.name;
    if (r.error || r.skipped) {
      lines.push(`| ${title} | ${r.error ? `**failed**: ${r.error}` : `skipped: ${r.skipped}`} | | | | | ${r.error ? 'error' : 'skipped'} |`);
      continue;
    }
    for (const row of r.rows) {
      const unit = row.unit === '×' ? '' : ` ${row.unit}`;
      const base = row.ws === null ? '—' : `${fmt(row.ws)}${unit}${row.vs ? ` (${row.vs})` : ' (ws)'}`;
      const verdict = row.pass === null ? 'report' : row.pass ? 'pass' : '**miss**';
      lines.push(
        `| ${title} | ${row.metric} | ${row.target} | ${fmt(row.fireside)}${row.fireside === null ? '' : unit} | ${base} | ${row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`} | ${verdict} |`,
      );
    }
  }
  return lines.join('\n');
}

function runOne(file: string, resultFile: string, timeoutMs: number): Promise<number | null> {
  // Its own process group, so the watchdog can stop the suite and every server it started in one go. The suite pins
  // itself to core 1 and its servers to core 0 (bench/lib.ts): pinned from here, it would see one core and not pin.
  const [cmd, args] = [process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', file)]];
  const child = spawn(cmd, args, {
    cwd: ROOT,
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, BENCH_RESULT_FILE: resultFile, BENCH_SUITE_TIMEOUT_MS: String(Math.max(10_000, timeoutMs - 15_000)) },
  });
  return new Promise((resolve) => {
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // gone already
      }
    };
    const timer = setTimeout(() => {
      console.error(`[bench] ${file}: still running when the run's time was up; stopping it`);
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 10_000).unref();
    }, timeoutMs);
    const onSignal = () => killGroup('SIGKILL');
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    child.once('exit', (code) => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // Whatever the suite left behind (a server it had no time to stop) goes with its group.
      killGroup('SIGKILL');
      resolve(code);
    });
  });
}

async function main() {
  if (!existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR!, 'BUILD_ID'))) {
    console.error(`[bench] no Next build in ${process.env.NEXT_DIST_DIR}/. Build it first:\n\n  NEXT_DIST_DIR=${process.env.NEXT_DIST_DIR} npx next build\n`);
    process.exit(2);
  }
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown suite(s) ${unknown.join(', ')}; choose from ${SUITES.map((s) => s.name).join(', ')}`);
  const suites = only.length ? SUITES.filter((s) => only.includes(s.name)) : SUITES;
  const date = new Date().toISOString().slice(0, 10);
  const resultsDir = path.join(ROOT, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const started = performance.now();
  console.log(
    `[bench] BENCH_SCALE=${SCALE}, build ${process.env.NEXT_DIST_DIR}/, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}; ${suites.length} suites`,
  );

  const results: Result[] = [];
  for (const suite of suites) {
    const left = TOTAL_MS - (performance.now() - started);
    // A tiny run's results go next to the full ones under their own name, so they never pass for a real run.
    const resultFile = path.join(resultsDir, `${date}-${suite.name}${SCALE === 'tiny' ? '-tiny' : ''}.json`);
    rmSync(resultFile, { force: true });
    if (left < 20_000) {
      results.push({
        name: suite.name,
        title: suite.title,
        scale: SCALE,
        date,
        durationS: 0,
        loadAverage: { start: '', end: '' },
        pinning: '',
        rows: [],
        error: 'not run: the 14-minute budget was spent',
      });
      continue;
    }
    console.log(`\n[bench] ── ${suite.title} (${suite.file}) ──`);
    const code = await runOne(suite.file, resultFile, left);
    if (existsSync(resultFile)) results.push(JSON.parse(readFileSync(resultFile, 'utf8')) as Result);
    else {
      const r: Result = {
        name: suite.name,
        title: suite.title,
        scale: SCALE,
        date,
        durationS: 0,
        loadAverage: { start: '', end: '' },
        pinning: '',
        rows: [],
        error: `exited with ${code} and wrote no result`,
      };
      writeFileSync(resultFile, `${JSON.stringify(r, null, 2)}\n`);
      results.push(r);
    }
  }

  const total = (performance.now() - started) / 1000;
  const md = [
    `BENCH_SCALE=${SCALE}, ${date}, ${results[0]?.pinning || 'pinning unknown'}, load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')} at the end; whole run ${total.toFixed(0)} s.`,
    '',
    table(results),
  ].join('\n');
  console.log(`\n${md}\n`);
  const readme = path.join(ROOT, 'bench/README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:results -->';
  const end = '<!-- /bench:results -->';
  if (text.includes(start) && text.includes(end))
    writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${md}\n${text.slice(text.indexOf(end))}`);
  console.log(`[bench] results in bench/results/${date}-*.json; table written to bench/README.md`);
  process.exitCode = results.some((r) => r.error) ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
