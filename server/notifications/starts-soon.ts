// "Starts in 15 minutes" notifications for people with a seat. One node runs the check (the holder of its lease,
// server/jobs/cluster-job.ts); it is also idempotent through Notification.dedupeKey, so a takeover or a restart
// never tells anybody twice.
import { LOBBY_OPENS_MINUTES } from '@/lib/live/phase';
import { describeInZone } from '@/lib/time/zoned';
import { db } from '../db/client';
import { type ClusterJob, startClusterJob } from '../jobs/cluster-job';
import { notifyOnce } from './commands';

const STARTS_SOON_MINUTES = LOBBY_OPENS_MINUTES;

/** Sends the notice for every discussion starting within the next 15 minutes. Returns how many were sent. */
export async function sendStartsSoonNotifications(now = new Date()): Promise<number> {
  const soon = await db().discussion.findMany({
    where: { status: 'SCHEDULED', startsAt: { gt: now, lte: new Date(now.getTime() + STARTS_SOON_MINUTES * 60_000) } },
    select: {
      id: true,
      title: true,
      startsAt: true,
      rsvps: { where: { status: 'GOING' }, select: { userId: true, user: { select: { timeZone: true } } } },
    },
    take: 200,
  });
  let sent = 0;
  for (const d of soon) {
    const minutes = Math.max(1, Math.round((d.startsAt.getTime() - now.getTime()) / 60_000));
    const created = await notifyOnce(
      d.rsvps.map((r) => ({
        userId: r.userId,
        type: 'starts_soon' as const,
        title: `Starting soon: ${d.title}`,
        body: `Starts in ${minutes} minute${minutes === 1 ? '' : 's'} (${describeInZone(d.startsAt, r.user.timeZone)}). The room is open.`,
        link: `/discussions/${d.id}`,
        // The start time is in the key: a rescheduled discussion gets its own notice.
        dedupeKey: `starts_soon:${d.id}:${r.userId}:${d.startsAt.getTime()}`,
      })),
    );
    sent += created.length;
  }
  return sent;
}

/** Runs the check every `intervalMs` (30 s) on the one node that holds its lease (every node calls this). */
export function startStartsSoonScheduler(opts: { intervalMs?: number; leaseMs?: number } = {}): ClusterJob {
  return startClusterJob('starts-soon notifications', opts.intervalMs ?? 30_000, () => sendStartsSoonNotifications(), { leaseMs: opts.leaseMs });
}
