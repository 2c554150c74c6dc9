// `npm run bench` suite "upvote-storm": 2,000 `question:vote`s spread evenly over 10 s (200 voters × 10 questions;
// tiny: 30 over 2 s) into a room of 1,000 sockets. Every vote must be stored exactly once (read back from the
// database) and every client must hold the final tallies; reported: last vote sent → last client's final tally.
// Baseline: a raw ws server that counts each (question, voter) once and broadcasts tallies every 250 ms.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';
import { connectSocket, type TestSocket } from '@/server/test/harness';
import { createDiscussion, join } from '@/server/test/live-fixtures';
import {
  bySize,
  createUsers,
  log,
  openDb,
  openWs,
  percentile,
  type ResultRow,
  ratio,
  round,
  runSuite,
  signInAll,
  sleep,
  startFireside,
  startWsBaseline,
} from './lib';

const VOTERS = bySize(200, 10);
const QUESTIONS = bySize(10, 3);
const SOCKETS_PER_VOTER = bySize(5, 3); // the room: voters' tabs (the first one votes)
const WINDOW_MS = bySize(10_000, 2000);
const FINAL_TIMEOUT_MS = 20_000;

type Storm = { lastVoteToFinalMs: number; ackP99: number; refused: Record<string, number>; clientsFinal: number; clients: number; eventLoopDelayP99: number };

/** Each client's view of the tallies; `final` resolves when every client holds `expected` for every question. */
function tallyWatch(clients: number, questions: string[], expected: number) {
  const held = Array.from({ length: clients }, () => new Map<string, number>());
  let finalCount = 0;
  let lastFinalAt = 0;
  let resolve: () => void = () => {};
  const final = new Promise<void>((r) => (resolve = r));
  return {
    update: (client: number, tallies: [string, number][]) => {
      const map = held[client];
      const wasFinal = questions.every((q) => map.get(q) === expected);
      for (const [q, n] of tallies) map.set(q, n);
      if (!wasFinal && questions.every((q) => map.get(q) === expected)) {
        finalCount++;
        lastFinalAt = performance.now();
        if (finalCount === clients) resolve();
      }
    },
    final: (timeoutMs: number) => Promise.race([final, sleep(timeoutMs)]).then(() => ({ finalCount, lastFinalAt })),
  };
}

/** Sends every (voter, question) vote at its slot in the window; returns when all were acknowledged. */
async function storm(vote: (voter: number, question: number) => Promise<string | null>) {
  const total = VOTERS * QUESTIONS;
  const acks: number[] = [];
  const refused: Record<string, number> = {};
  const t0 = performance.now();
  let lastSentAt = 0;
  const sent: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * WINDOW_MS) / total;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    // Voter-major order within the window: question i mod Q by voter floor(i / Q), so each voter's votes spread out.
    const voter = Math.floor(i / QUESTIONS);
    const question = i % QUESTIONS;
    const at = performance.now();
    lastSentAt = at;
    sent.push(
      vote(voter, question).then((error) => {
        acks.push(performance.now() - at);
        if (error) refused[error] = (refused[error] ?? 0) + 1;
      }),
    );
  }
  await Promise.all(sent);
  return { lastSentAt, ackP99: percentile(acks, 99), refused };
}

runSuite('upvote-storm', `upvote storm: ${VOTERS * QUESTIONS} votes in ${WINDOW_MS / 1000} s`, async (details) => {
  const server = await startFireside('fireside');
  const db = openDb(server);
  const askerCount = Math.ceil(QUESTIONS / 5);
  const emails = await createUsers(db, VOTERS + askerCount, 'votes');
  const discussionId = await createDiscussion(db, { status: 'LIVE' });
  const cookies = await signInAll(server, emails);

  // The room: every voter with SOCKETS_PER_VOTER tabs; the askers ask the questions first.
  const sockets: TestSocket[] = [];
  const firstOf: TestSocket[] = [];
  for (let start = 0; start < VOTERS * SOCKETS_PER_VOTER; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, VOTERS * SOCKETS_PER_VOTER - start) }, async (_, j) => {
        const slot = start + j;
        const voter = slot % VOTERS;
        const socket = await connectSocket(server, { cookie: cookies[voter], timeout: 30_000 });
        await join(socket, discussionId);
        sockets[slot] = socket;
        if (slot < VOTERS) firstOf[voter] = socket;
      }),
    );
  }
  const askers = await Promise.all(
    cookies.slice(VOTERS).map(async (cookie) => {
      const s = await connectSocket(server, { cookie });
      await join(s, discussionId);
      return s;
    }),
  );
  const questionIds: string[] = [];
  for (let q = 0; q < QUESTIONS; q++) {
    const id = randomUUID();
    const res = await askers[Math.floor(q / 5)].emitWithAck('question:ask', {
      discussionId,
      id,
      body: `Storm question ${q + 1}: what helped you most?`,
      anonymous: false,
    });
    if (!res.ok) throw new Error(`ask refused: ${res.error.code} ${res.error.message}`);
    questionIds.push(id);
  }
  const watch = tallyWatch(sockets.length, questionIds, VOTERS);
  for (const [i, s] of sockets.entries()) s.on('question:voted', (p: { tallies: [string, number][] }) => watch.update(i, p.tallies));
  await sleep(600); // the askers' presence and question broadcasts are out

  await server.probe({ reset: true });
  const sent = await storm(async (voter, question) => {
    const res = await firstOf[voter].emitWithAck('question:vote', { questionId: questionIds[question] });
    return res.ok ? null : res.error.code;
  });
  const final = await watch.final(FINAL_TIMEOUT_MS);
  const eld = (await server.probe({ reset: true })).eventLoopDelay.p99;

  // Read back: one Vote row per (voter, question), and each question's count equal to its rows.
  const rows = await db.vote.count({ where: { questionId: { in: questionIds } } });
  const counts = await db.question.findMany({ where: { id: { in: questionIds } }, select: { voteCount: true } });
  const counted = counts.reduce((n, q) => n + q.voteCount, 0);
  const fire: Storm = {
    lastVoteToFinalMs: final.finalCount === sockets.length ? final.lastFinalAt - sent.lastSentAt : Number.POSITIVE_INFINITY,
    ackP99: sent.ackP99,
    refused: sent.refused,
    clientsFinal: final.finalCount,
    clients: sockets.length,
    eventLoopDelayP99: eld,
  };
  log(`fireside: ${rows} vote rows, counts sum ${counted} (expected ${VOTERS * QUESTIONS}); ${final.finalCount}/${sockets.length} clients final`);
  log(`fireside: last vote → last client's final tally ${round(fire.lastVoteToFinalMs)} ms, vote ack p99 ${round(fire.ackP99)} ms`);
  for (const s of [...sockets, ...askers]) s.close();
  await server.stop();

  // Baseline.
  const ws = await startWsBaseline('ws votes', 'votes');
  const wsClients: WebSocket[] = [];
  const wsQuestions = questionIds.map((_, q) => `q${q}`);
  const wsWatch = tallyWatch(VOTERS * SOCKETS_PER_VOTER, wsQuestions, VOTERS);
  const waiting = new Map<string, (votes: number) => void>();
  for (let slot = 0; slot < VOTERS * SOCKETS_PER_VOTER; slot++) {
    const c = await openWs(ws.url);
    c.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (Array.isArray(msg)) wsWatch.update(slot, msg[1].tallies);
      else waiting.get(msg.id)?.(msg.votes);
    });
    wsClients.push(c);
  }
  await ws.probe({ reset: true });
  const wsSent = await storm(
    (voter, question) =>
      new Promise((resolve) => {
        const id = randomUUID();
        waiting.set(id, () => {
          waiting.delete(id);
          resolve(null);
        });
        wsClients[voter].send(JSON.stringify({ id, vote: [wsQuestions[question], voter] }));
      }),
  );
  const wsFinal = await wsWatch.final(FINAL_TIMEOUT_MS);
  const base: Storm = {
    lastVoteToFinalMs: wsFinal.finalCount === wsClients.length ? wsFinal.lastFinalAt - wsSent.lastSentAt : Number.POSITIVE_INFINITY,
    ackP99: wsSent.ackP99,
    refused: wsSent.refused,
    clientsFinal: wsFinal.finalCount,
    clients: wsClients.length,
    eventLoopDelayP99: (await ws.probe()).eventLoopDelay.p99,
  };
  log(`ws: last vote → last client's final tally ${round(base.lastVoteToFinalMs)} ms, vote ack p99 ${round(base.ackP99)} ms`);
  for (const c of wsClients) c.terminate();

  const expected = VOTERS * QUESTIONS;
  details.votes = { expected, rows, counted, voters: VOTERS, questions: QUESTIONS, windowMs: WINDOW_MS };
  details.fireside = fire;
  details.ws = base;
  return [
    {
      metric: `last vote → last client's final tally (${expected} votes, ${fire.clients} clients)`,
      unit: 'ms',
      target: '≤ 500 ms',
      fireside: round(fire.lastVoteToFinalMs),
      ws: round(base.lastVoteToFinalMs),
      ratio: ratio(fire.lastVoteToFinalMs, base.lastVoteToFinalMs),
      pass: fire.lastVoteToFinalMs <= 500,
    },
    {
      metric: 'votes stored (rows, and the counts agree)',
      unit: 'votes',
      target: `all ${expected}, none twice`,
      fireside: rows,
      ws: expected,
      ratio: ratio(rows, expected),
      pass: rows === expected && counted === expected && Object.keys(fire.refused).length === 0,
    },
    {
      metric: 'vote ack p99',
      unit: 'ms',
      target: 'report',
      fireside: round(fire.ackP99),
      ws: round(base.ackP99),
      ratio: ratio(fire.ackP99, base.ackP99),
      pass: null,
    },
    {
      metric: 'event-loop delay p99 during the storm',
      unit: 'ms',
      target: 'report',
      fireside: fire.eventLoopDelayP99,
      ws: base.eventLoopDelayP99,
      ratio: ratio(fire.eventLoopDelayP99, base.eventLoopDelayP99),
      pass: null,
    },
  ] satisfies ResultRow[];
});
