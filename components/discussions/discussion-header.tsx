// The top of a discussion page: status badges, title, when (in the viewer's zone and the host's), the cancelled
// notice or the room gate, and content warnings before anything else is read.
import Link from 'next/link';
import { Badge, DiscussionBadges } from '@/components/discussions/badges';
import { durationText } from '@/components/discussions/discussion-list';
import { RoomGate } from '@/components/time/room-gate';
import type { ViewerZone } from '@/components/time/viewer-zone';
import { ZoneSync } from '@/components/time/zone-sync';
import { hostTimeText, ZonedTime } from '@/components/time/zoned-time';
import { Alert } from '@/components/ui/alert';
import type { DiscussionStatus } from '@/lib/discussions/schema';

type Props = {
  discussion: {
    id: string;
    title: string;
    status: DiscussionStatus;
    phase: string;
    visibility: 'PUBLIC' | 'MEMBERS';
    inSeries: boolean;
    startsAt: Date;
    timeZone: string;
    durationMinutes: number;
    cancelReason: string | null;
    contentWarnings: string[];
    /** Staff (hosts, facilitators) and admins get a link to the facilitator console; hosts and admins to the moderation log. */
    can?: { seeAttendees: boolean; readLog?: boolean };
  };
  viewer: ViewerZone;
  /** The server's clock when the page was rendered, so the room gate counts down from the same instant. */
  now: Date;
};

export function DiscussionHeader({ discussion: d, viewer, now }: Props) {
  return (
    <header className="space-y-3">
      <DiscussionBadges status={d.status} phase={d.phase} visibility={d.visibility} series={d.inSeries} />
      <h1 className="text-2xl font-semibold leading-tight text-stone-900 sm:text-3xl">{d.title}</h1>
      <div className="space-y-1 text-stone-800">
        <p className="text-lg" data-testid="discussion-time">
          <ZonedTime at={d.startsAt} zone={viewer.zone} hostZone={d.timeZone} variant="full" className="font-medium" />
          <span className="text-stone-700"> · {durationText(d.durationMinutes)}</span>
        </p>
        {d.timeZone !== viewer.zone && (
          <p className="text-sm text-stone-700" data-testid="host-time">
            {hostTimeText(d.startsAt, d.timeZone)}
          </p>
        )}
        <ZoneSync zone={viewer.zone} source={viewer.source} />
      </div>
      {d.status === 'CANCELLED' && (
        <Alert tone="error" testId="cancelled-notice">
          This discussion was cancelled.{d.cancelReason ? ` Reason: ${d.cancelReason}` : ''}
        </Alert>
      )}
      {d.status !== 'CANCELLED' && <RoomGate discussionId={d.id} startsAt={d.startsAt.toISOString()} status={d.status} serverTime={now.getTime()} />}
      {d.status !== 'CANCELLED' && d.can?.seeAttendees && (
        <p>
          <Link href={`/discussions/${d.id}/moderate`} className="text-sm font-medium text-ember-700 underline" data-testid="console-link">
            Facilitator console: review questions and keep the room safe
          </Link>
        </p>
      )}
      {d.can?.readLog && (
        <p>
          <Link href={`/discussions/${d.id}/audit`} className="text-sm font-medium text-ember-700 underline" data-testid="audit-link">
            Moderation log
          </Link>
        </p>
      )}
      {d.contentWarnings.length > 0 && (
        <section aria-labelledby="cw" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="cw" className="text-sm font-semibold text-amber-900">
            Content warnings
          </h2>
          <ul className="mt-2 flex flex-wrap gap-1.5">
            {d.contentWarnings.map((w) => (
              <li key={w}>
                <Badge>{w}</Badge>
              </li>
            ))}
          </ul>
        </section>
      )}
    </header>
  );
}
