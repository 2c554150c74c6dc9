'use client';
// When a discussion starts: a wall-clock date and time in a chosen IANA zone, and below it what that means
// (a time that does not exist or happens twice on a DST change day, the host's time, the viewer's time) before
// anything is saved.
import { useMemo } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import { DST_RULE_HINT, describeInZone, isValidLocalDateTime, resolveLocal } from '@/lib/time/zoned';

type Props = {
  localStart: string;
  timeZone: string;
  onLocalStartChange: (localStart: string) => void;
  onTimeZoneChange: (timeZone: string) => void;
  /** The zones to offer, and the viewer's own (for "In your zone"). */
  zones: string[];
  viewerZone: string;
  errors: { localStart?: string; timeZone?: string };
};

export function StartTimeFields({ localStart, timeZone, onLocalStartChange, onTimeZoneChange, zones, viewerZone, errors }: Props) {
  const preview = useMemo(() => {
    if (!isValidLocalDateTime(localStart)) return null;
    try {
      const r = resolveLocal(localStart, timeZone);
      return { ...r, viewer: describeInZone(r.startsAt, viewerZone), host: describeInZone(r.startsAt, timeZone) };
    } catch {
      return null;
    }
  }, [localStart, timeZone, viewerZone]);

  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Starts (local date and time)"
          name="localStart"
          type="datetime-local"
          value={localStart}
          onChange={(e) => onLocalStartChange(e.target.value)}
          required
          error={errors.localStart}
        />
        <div className="space-y-1">
          <label htmlFor="field-timeZone" className="block text-sm font-medium text-stone-800">
            Time zone
          </label>
          <select
            id="field-timeZone"
            name="timeZone"
            value={timeZone}
            onChange={(e) => onTimeZoneChange(e.target.value)}
            className={inputClass}
            aria-invalid={errors.timeZone ? true : undefined}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
          {errors.timeZone && <p className="text-sm font-medium text-red-700">{errors.timeZone}</p>}
        </div>
      </div>
      <div className="space-y-1 text-sm" aria-live="polite" data-testid="time-preview">
        {preview && (
          <>
            {preview.adjustment === 'gap' && (
              <p className="font-medium text-amber-800">
                That time does not exist in {timeZone.replaceAll('_', ' ')} on that day (clocks spring forward). It will start at {preview.localStart.slice(11)}{' '}
                instead.
              </p>
            )}
            {preview.adjustment === 'overlap' && (
              <p className="font-medium text-amber-800">
                That time happens twice on that day (clocks fall back). The first one, {preview.offset} UTC, is used.
              </p>
            )}
            <p className="text-stone-700">Host&rsquo;s time: {preview.host}</p>
            {viewerZone !== timeZone && <p className="text-stone-700">In your zone: {preview.viewer}</p>}
          </>
        )}
        <p className="text-stone-600">{DST_RULE_HINT}</p>
      </div>
    </>
  );
}
