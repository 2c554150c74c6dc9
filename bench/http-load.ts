// `npm run bench` suite "http": p99 of the discussions list and of the live room page (signed in) under autocannon,
// first with the server idle, then while 2,000 sockets (tiny: 30) are connected and joined to that live room. The
// reference for the ratio is the same page on the idle server.
import autocannon from 'autocannon';
import { createDiscussion } from '@/server/test/live-fixtures';
import {
  bySize,
  createUsers,
  Deliveries,
  firesideRoom,
  log,
  openDb,
  type ResultRow,
  ratio,
  round,
  runSuite,
  SOCKETS_PER_USER,
  signInAll,
  sleep,
  startFireside,
} from './lib';

const SOCKETS = bySize(2000, 30);
const DURATION_S = bySize(10, 2);
const CONNECTIONS = bySize(10, 4);

type Load = { p50: number; p99: number; requestsPerSecond: number; non2xx: number; errors: number };

async function cannon(url: string, cookie: string): Promise<Load> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { cookie } });
  return { p50: r.latency.p50, p99: r.latency.p99, requestsPerSecond: r.requests.average, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

runSuite('http', `HTTP p99 under autocannon, idle vs ${SOCKETS} sockets connected`, async (details) => {
  const server = await startFireside('fireside');
  const db = openDb(server);
  const users = Math.ceil(SOCKETS / SOCKETS_PER_USER);
  const cookies = await signInAll(server, await createUsers(db, users, 'http'));
  const discussionId = await createDiscussion(db, { status: 'LIVE' });
  const room = firesideRoom([server], cookies, discussionId, new Deliveries());
  // The page reader is a member who has accepted the room's agreement (the first socket's join did).
  await room.grow(1);
  const pages = { 'discussions list': `${server.url}/discussions`, 'live room page': `${server.url}/discussions/${discussionId}/live` };
  for (const [name, url] of Object.entries(pages)) {
    const res = await fetch(url, { headers: { cookie: cookies[0] }, redirect: 'manual' });
    if (res.status !== 200) throw new Error(`${name} ${url} answered ${res.status}, not 200`);
  }

  const idle: Record<string, Load> = {};
  const loaded: Record<string, Load> = {};
  for (const [name, url] of Object.entries(pages)) {
    await cannon(url, cookies[0]); // warm-up: the first renders compile and fill caches
    idle[name] = await cannon(url, cookies[0]);
    log(`idle, ${name}: p99 ${idle[name].p99} ms, ${Math.round(idle[name].requestsPerSecond)} req/s`);
  }
  await room.grow(SOCKETS);
  await sleep(600);
  for (const [name, url] of Object.entries(pages)) {
    loaded[name] = await cannon(url, cookies[0]);
    log(`${SOCKETS} sockets, ${name}: p99 ${loaded[name].p99} ms, ${Math.round(loaded[name].requestsPerSecond)} req/s`);
  }
  details.sockets = SOCKETS;
  details.durationS = DURATION_S;
  details.connections = CONNECTIONS;
  details.idle = idle;
  details.loaded = loaded;
  const rows: ResultRow[] = [];
  for (const name of Object.keys(pages)) {
    const ok = idle[name].non2xx + idle[name].errors + loaded[name].non2xx + loaded[name].errors === 0;
    rows.push(
      {
        metric: `${name} p99, ${SOCKETS} sockets vs idle`,
        unit: 'ms',
        target: 'report (all 2xx)',
        fireside: round(loaded[name].p99),
        ws: round(idle[name].p99),
        vs: 'idle',
        ratio: ratio(loaded[name].p99, idle[name].p99),
        pass: ok ? null : false,
      },
      {
        metric: `${name} requests per second, ${SOCKETS} sockets vs idle`,
        unit: '/s',
        target: 'report',
        fireside: Math.round(loaded[name].requestsPerSecond),
        ws: Math.round(idle[name].requestsPerSecond),
        vs: 'idle',
        ratio: ratio(loaded[name].requestsPerSecond, idle[name].requestsPerSecond),
        pass: null,
      },
    );
  }
  return rows;
});
