// Cluster-wide recurring jobs (the "starts soon" notices, and any later one): every node starts the job, but
// only the node holding the job's lease (server/jobs/lease.ts) runs it. The holder renews the lease every third
// of its time; if it dies, the lease expires and another node takes it within LEASE_MS; a node that stops
// (SIGTERM) gives it up at once. Embedded (no Redis): the one node always runs it.
import { getConfig } from '../config';
import { redisClient } from '../redis';
import { nodeId, onStop, type RecurringJob, startRecurringJob } from '../runtime';
import { createLease } from './lease';

/** How long a lease lasts without renewal: the longest a job may go unrun after its node died. */
const LEASE_MS = 15_000;

export type ClusterJob = RecurringJob & {
  /** Whether this node runs the job right now. */
  leading(): boolean;
};

export function startClusterJob(name: string, intervalMs: number, run: () => Promise<unknown>, opts: { leaseMs?: number; holder?: string } = {}): ClusterJob {
  const leaseMs = opts.leaseMs ?? LEASE_MS;
  const redis = redisClient();
  const key = `${getConfig().redisKeyPrefix}lease:${name}`;
  const lease = createLease(redis, key, opts.holder ?? nodeId(), leaseMs);
  if (!redis) return { ...startRecurringJob(name, intervalMs, run), leading: () => true };

  let stopped = false;
  let was = false;
  let takeover: Promise<unknown> = Promise.resolve();
  const job = startRecurringJob(name, intervalMs, run, { when: lease.held });
  const refresh = async () => {
    const now = await lease.refresh();
    if (stopped) return;
    if (now !== was) console.log(`[fireside] ${name}: ${now ? 'this node runs it now (lease taken)' : 'another node runs it (lease lost)'}`);
    // The new holder runs at once rather than waiting for its next tick: a takeover leaves no gap.
    if (now && !was) takeover = run().catch((err) => console.error(`[fireside] ${name} failed`, err));
    was = now;
  };
  const timer = setInterval(() => void refresh(), Math.max(50, Math.floor(leaseMs / 3)));
  timer.unref();
  void refresh();
  const stop = async () => {
    stopped = true;
    clearInterval(timer);
    await Promise.all([job.stop(), takeover]);
    // Given up only after the last run finished, so the next holder never overlaps it.
    await lease.release();
  };
  // Registered after the job's own hook: hooks of a phase run last-registered first, and stop() covers both.
  onStop('intake', `${name} lease`, stop);
  return { stop, leading: lease.held };
}
