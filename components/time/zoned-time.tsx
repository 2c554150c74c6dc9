// An instant shown in the viewer's zone with the zone named; the host's own wall-clock time on hover.
import { formatInZone } from '@/lib/time/zoned';

type Props = {
  at: Date;
  /** The viewer's zone. */
  zone: string;
  /** The discussion's (host's) zone, shown in the tooltip when it differs. */
  hostZone?: string;
  variant?: 'full' | 'short' | 'time';
  className?: string;
};

export function hostTimeText(at: Date, hostZone: string): string {
  const h = formatInZone(at, hostZone);
  return `Host's time: ${h.shortDate}, ${h.time} ${h.zoneAbbr} (${h.zoneName})`;
}

export function ZonedTime({ at, zone, hostZone, variant = 'full', className }: Props) {
  const p = formatInZone(at, zone);
  const text =
    variant === 'time' ? `${p.time} ${p.zoneAbbr}` : variant === 'short' ? `${p.shortDate}, ${p.time} ${p.zoneAbbr}` : `${p.date}, ${p.time} ${p.zoneAbbr}`;
  const title = hostZone && hostZone !== zone ? hostTimeText(at, hostZone) : `${p.zoneName} time`;
  return (
    <time dateTime={at.toISOString()} title={title} className={className}>
      {text}
    </time>
  );
}
