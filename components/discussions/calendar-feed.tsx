'use client';
// The personal calendar feed on the profile page: a secret URL with the member's RSVPs, which a calendar
// app can subscribe to. Making a new one stops the old URL; turning it off stops it altogether. Only a hash of
// the secret is stored, so the URL is shown once, right after it is made; later visits only say the feed is on.
import { useState } from 'react';
import { regenerateCalendarFeedAction, revokeCalendarFeedAction } from '@/app/calendar/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';

export function CalendarFeed({ initiallyOn }: { initiallyOn: boolean }) {
  const [url, setUrl] = useState<string | null>(null);
  const [on, setOn] = useState(initiallyOn);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function regenerate() {
    setPending(true);
    const res = await regenerateCalendarFeedAction();
    setPending(false);
    if (!res.ok) return setMessage({ tone: 'error', text: res.error.message });
    setMessage({
      tone: 'success',
      text: on
        ? 'New feed address made. The old one no longer works. Copy it now: it is shown only once.'
        : 'Your feed address is ready. Copy it now: it is shown only once.',
    });
    setUrl(res.data.url);
    setOn(true);
  }

  async function revoke() {
    setPending(true);
    const res = await revokeCalendarFeedAction();
    setPending(false);
    if (!res.ok) return setMessage({ tone: 'error', text: res.error.message });
    setUrl(null);
    setOn(false);
    setMessage({ tone: 'success', text: 'Calendar feed turned off. The old address no longer works.' });
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ tone: 'success', text: 'Copied.' });
    } catch {
      setMessage({ tone: 'error', text: 'Could not copy; select the address and copy it yourself.' });
    }
  }

  return (
    <div className="space-y-3" data-testid="calendar-feed">
      <p className="text-sm text-stone-700">
        Subscribe to this address in your calendar app to see every discussion you RSVPed to, kept up to date (times with their time zone, cancellations
        marked). Keep it private: anyone with the address can read your RSVPs.
      </p>
      {url ? (
        <div className="space-y-1">
          <label htmlFor="calendar-feed-url" className="block text-sm font-medium text-stone-800">
            Your feed address
          </label>
          <input id="calendar-feed-url" readOnly value={url} className={`${inputClass} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : on ? (
        <p className="text-sm text-stone-700" data-testid="calendar-feed-on">
          Your calendar feed is on. Its address was shown once when it was made; if you lost it, make a new address (the old one stops working).
        </p>
      ) : (
        <p className="text-sm text-stone-700" data-testid="calendar-feed-off">
          Your calendar feed is off.
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {url && (
          <Button type="button" variant="secondary" onClick={copy}>
            Copy address
          </Button>
        )}
        <Button type="button" variant={on ? 'secondary' : 'primary'} onClick={regenerate} disabled={pending}>
          {on ? 'Make a new address' : 'Create my feed address'}
        </Button>
        {on && (
          <Button type="button" variant="danger" onClick={revoke} disabled={pending}>
            Turn off
          </Button>
        )}
      </div>
      <div aria-live="polite">{message && <Alert tone={message.tone}>{message.text}</Alert>}</div>
    </div>
  );
}
