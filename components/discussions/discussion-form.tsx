'use client';
import { useRouter } from 'next/navigation';
// Schedule or edit a discussion. The start is a wall-clock time in a chosen IANA zone; the form shows what
// that means (the DST rule applied, and the time in the viewer's own zone) before saving (StartTimeFields).
import { type FormEvent, useState } from 'react';
import { createDiscussionAction, updateDiscussionAction } from '@/app/discussions/actions';
import { StartTimeFields } from '@/components/discussions/start-time-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { Field, inputClass } from '@/components/ui/field';
import { DEFAULT_AGREEMENT, RECURRENCES, type Recurrence, SERIES_COUNT_DEFAULT } from '@/lib/discussions/schema';
import { FREQUENCY_LABELS } from '@/lib/time/recurrence';

type Person = { id: string; displayName: string };
export type FormValues = {
  title: string;
  description: string;
  hostIds: string[];
  facilitatorIds: string[];
  modalityIds: string[];
  articleIds: string[];
  localStart: string;
  timeZone: string;
  durationMinutes: number;
  capacity: number | null;
  visibility: 'PUBLIC' | 'MEMBERS';
  moderationMode: 'PRE' | 'POST';
  anonymousDefault: boolean;
  agreementText: string;
  contentWarnings: string[];
  externalLink: string;
};

type Props = {
  mode: 'create' | 'edit';
  id?: string;
  isSeriesOccurrence?: boolean;
  initial: Partial<FormValues>;
  options: {
    hosts: Person[];
    facilitators: (Person & { role: string })[];
    modalities: { id: string; name: string }[];
    articles: { id: string; title: string; modalityId: string }[];
  };
  zones: string[];
  viewerZone: string;
};

export function DiscussionForm({ mode, id, isSeriesOccurrence, initial, options, zones, viewerZone }: Props) {
  const router = useRouter();
  const [v, setV] = useState<FormValues>({
    title: '',
    description: '',
    hostIds: [],
    facilitatorIds: [],
    modalityIds: [],
    articleIds: [],
    localStart: '',
    timeZone: viewerZone,
    durationMinutes: 90,
    capacity: 30,
    visibility: 'PUBLIC',
    moderationMode: 'POST',
    anonymousDefault: false,
    agreementText: DEFAULT_AGREEMENT,
    contentWarnings: [],
    externalLink: '',
    ...initial,
  });
  const [warnings, setWarnings] = useState((initial.contentWarnings ?? []).join(', '));
  const [recurrence, setRecurrence] = useState<Recurrence>('NONE');
  const [occurrences, setOccurrences] = useState(SERIES_COUNT_DEFAULT);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof FormValues>(k: K, value: FormValues[K]) => setV((s) => ({ ...s, [k]: value }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const payload = {
      ...v,
      capacity: v.capacity,
      contentWarnings: warnings
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean),
      externalLink: v.externalLink.trim() || null,
    };
    const res =
      mode === 'create'
        ? await createDiscussionAction({ ...payload, recurrence, ...(recurrence !== 'NONE' ? { occurrences } : {}) })
        : await updateDiscussionAction({ id, ...payload });
    setPending(false);
    if (!res.ok) {
      setFields(res.error.fields ?? {});
      setError(res.error.message);
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    setFields({});
    if (mode === 'create') {
      const data = res.data as { id: string; occurrences: number };
      router.push(`/discussions/${data.id}?created=${data.occurrences}`);
    } else router.push(`/discussions/${id}?saved=1`);
  }

  const articlesShown = options.articles.filter((a) => !v.modalityIds.length || v.modalityIds.includes(a.modalityId) || v.articleIds.includes(a.id));

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate aria-label={mode === 'create' ? 'Schedule a discussion' : 'Edit discussion'}>
      {error && (
        <Alert tone="error" testId="form-error">
          {error}
        </Alert>
      )}
      {isSeriesOccurrence && <Alert>This discussion is part of a series. Your changes apply to this occurrence only.</Alert>}

      <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold text-stone-900">What</h2>
        <Field label="Title" name="title" value={v.title} onChange={(e) => set('title', e.target.value)} required maxLength={120} error={fields.title} />
        <div className="space-y-1">
          <label htmlFor="field-description" className="block text-sm font-medium text-stone-800">
            Description
          </label>
          <textarea
            id="field-description"
            name="description"
            rows={8}
            value={v.description}
            onChange={(e) => set('description', e.target.value)}
            maxLength={10_000}
            className={inputClass}
            aria-describedby="field-description-hint"
          />
          <p id="field-description-hint" className="text-sm text-stone-600">
            Markdown: **bold**, _italic_, lists, [links](https://example.org). Raw HTML is not shown.
          </p>
          {fields.description && <p className="text-sm font-medium text-red-700">{fields.description}</p>}
        </div>
        <CheckboxGroup
          legend="Modalities"
          name="modalityIds"
          items={options.modalities.map((m) => ({ id: m.id, label: m.name }))}
          selected={v.modalityIds}
          onChange={(ids) => set('modalityIds', ids)}
          error={fields.modalityIds}
        />
        <CheckboxGroup
          legend="Linked articles"
          name="articleIds"
          hint={v.modalityIds.length ? 'Articles on the chosen modalities.' : undefined}
          items={articlesShown.map((a) => ({ id: a.id, label: a.title }))}
          selected={v.articleIds}
          onChange={(ids) => set('articleIds', ids)}
          error={fields.articleIds}
        />
        <Field
          label="Content warnings"
          name="contentWarnings"
          value={warnings}
          onChange={(e) => setWarnings(e.target.value)}
          hint="Comma-separated, e.g. trauma, grief, self-harm."
          error={fields.contentWarnings}
        />
      </section>

      <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold text-stone-900">When</h2>
        <StartTimeFields
          localStart={v.localStart}
          timeZone={v.timeZone}
          onLocalStartChange={(value) => set('localStart', value)}
          onTimeZoneChange={(value) => set('timeZone', value)}
          zones={zones}
          viewerZone={viewerZone}
          errors={{ localStart: fields.localStart, timeZone: fields.timeZone }}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Duration (minutes)"
            name="durationMinutes"
            type="number"
            min={15}
            max={480}
            step={5}
            value={String(v.durationMinutes)}
            onChange={(e) => set('durationMinutes', Number(e.target.value))}
            error={fields.durationMinutes}
          />
          <Field
            label="Seats"
            name="capacity"
            type="number"
            min={1}
            max={10000}
            value={v.capacity === null ? '' : String(v.capacity)}
            onChange={(e) => set('capacity', e.target.value === '' ? null : Number(e.target.value))}
            hint="Leave empty for no limit. When full, people join a waitlist."
            error={fields.capacity}
          />
        </div>
        {mode === 'create' && (
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-1">
              <label htmlFor="field-recurrence" className="block text-sm font-medium text-stone-800">
                Repeats
              </label>
              <select id="field-recurrence" value={recurrence} onChange={(e) => setRecurrence(e.target.value as Recurrence)} className={inputClass}>
                {RECURRENCES.map((r) => (
                  <option key={r} value={r}>
                    {r === 'NONE' ? 'Does not repeat' : FREQUENCY_LABELS[r]}
                  </option>
                ))}
              </select>
            </div>
            {recurrence !== 'NONE' && (
              <Field
                label="Number of occurrences"
                name="occurrences"
                type="number"
                min={2}
                max={52}
                value={String(occurrences)}
                onChange={(e) => setOccurrences(Number(e.target.value))}
                hint="Each keeps the same local time, also across daylight-saving changes."
                error={fields.occurrences}
              />
            )}
          </div>
        )}
      </section>

      <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold text-stone-900">Who</h2>
        <CheckboxGroup
          legend="Hosts"
          name="hostIds"
          hint="Elders and admins."
          items={options.hosts.map((p) => ({ id: p.id, label: p.displayName }))}
          selected={v.hostIds}
          onChange={(ids) => set('hostIds', ids)}
          error={fields.hostIds}
        />
        <CheckboxGroup
          legend="Facilitators"
          name="facilitatorIds"
          items={options.facilitators.filter((p) => !v.hostIds.includes(p.id)).map((p) => ({ id: p.id, label: p.displayName }))}
          selected={v.facilitatorIds}
          onChange={(ids) => set('facilitatorIds', ids)}
          error={fields.facilitatorIds}
        />
      </section>

      <section className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold text-stone-900">The room</h2>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-stone-800">Who can see it</legend>
          {(
            [
              ['PUBLIC', 'Everyone, also visitors who are not signed in'],
              ['MEMBERS', 'Signed-in members only'],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="flex min-h-10 items-center gap-2 text-sm text-stone-800">
              <input
                type="radio"
                name="visibility"
                value={value}
                checked={v.visibility === value}
                onChange={() => set('visibility', value)}
                className="h-4 w-4 accent-ember-700"
              />
              {text}
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-stone-800">Question moderation</legend>
          {(
            [
              ['POST', 'Questions appear at once; facilitators can hide them'],
              ['PRE', 'Facilitators approve each question before it appears'],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="flex min-h-10 items-center gap-2 text-sm text-stone-800">
              <input
                type="radio"
                name="moderationMode"
                value={value}
                checked={v.moderationMode === value}
                onChange={() => set('moderationMode', value)}
                className="h-4 w-4 accent-ember-700"
              />
              {text}
            </label>
          ))}
        </fieldset>
        <label className="flex min-h-10 items-center gap-2 text-sm text-stone-800">
          <input
            type="checkbox"
            checked={v.anonymousDefault}
            onChange={(e) => set('anonymousDefault', e.target.checked)}
            className="h-4 w-4 accent-ember-700"
          />
          Questions are anonymous to the room by default
        </label>
        <div className="space-y-1">
          <label htmlFor="field-agreementText" className="block text-sm font-medium text-stone-800">
            Room agreement
          </label>
          <textarea
            id="field-agreementText"
            rows={4}
            value={v.agreementText}
            onChange={(e) => set('agreementText', e.target.value)}
            maxLength={2000}
            className={inputClass}
            aria-describedby="field-agreementText-hint"
            aria-invalid={fields.agreementText ? true : undefined}
          />
          <p id="field-agreementText-hint" className="text-sm text-stone-600">
            Everyone accepts this before joining the room.
          </p>
          {fields.agreementText && <p className="text-sm font-medium text-red-700">{fields.agreementText}</p>}
        </div>
        <Field
          label="Stream or meeting link (optional)"
          name="externalLink"
          type="url"
          value={v.externalLink}
          onChange={(e) => set('externalLink', e.target.value)}
          hint="Shown only to people with a seat, hosts and facilitators."
          error={fields.externalLink}
        />
      </section>

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : mode === 'create' ? 'Schedule discussion' : 'Save changes'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
