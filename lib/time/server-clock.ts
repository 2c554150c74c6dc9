// The server's clock as seen from a browser (F23): countdowns and lobby gating never trust the device clock.
// The page is rendered with the server's time; `time:sync` over the socket refines it.

/**
 * Offset to add to the device clock to get the server clock, from one round trip:
 * the server's reading is taken to sit halfway between send and receive.
 */
export function clockOffset(serverTime: number, sentAt: number, receivedAt: number): number {
  return serverTime + (receivedAt - sentAt) / 2 - receivedAt;
}

/** The server's "now" given the device's clock and a known offset. */
export function serverNow(deviceNow: number, offsetMs: number): Date {
  return new Date(deviceNow + offsetMs);
}

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/**
 * "in 3 days", "in 2 hours", "in 12 minutes", "now", "2 hours ago": the distance from `now` (the server's
 * time) to `at`, in the largest unit that is at least 1.
 */
export function relativeTo(at: Date, now: Date): string {
  const diff = at.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const sign = diff < 0 ? -1 : 1;
  if (abs < 60_000) return 'now';
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  for (const [unit, ms] of units) {
    if (abs >= ms) return rtf.format(sign * Math.floor(abs / ms), unit);
  }
  return 'now';
}
