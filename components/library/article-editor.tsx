'use client';
import { useRouter } from 'next/navigation';
// The library editor for elders and admins: every field of an article, its references, and a live preview
// rendered by the same safe markdown renderer as the article page. Saving goes through the server actions,
// which check the role again and validate with the shared schema.
import { type FormEvent, type ReactNode, type TextareaHTMLAttributes, useDeferredValue, useId, useState } from 'react';
import { createArticleAction, createModalityAction, updateArticleAction } from '@/app/library/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, FieldMessages, inputClass } from '@/components/ui/field';
import { Markdown } from '@/components/ui/markdown';
import { ARTICLE_LIMITS, DOI_PATTERN, doiUrl, normaliseDoi, slugify } from '@/lib/library/schema';
import type { ArticleDraft } from '@/lib/library/views';

type EditorModality = { id: string; name: string };
type Ref = { key: number; text: string; doi: string; url: string };
/** The article as the editor query returns it (a type only: nothing server-side reaches the browser). */
type EditorInitial = ArticleDraft;

type Props = { modalities: EditorModality[]; initial?: EditorInitial };

const SECTION_FIELDS = [
  ['benefits', 'Possible benefits', 'What research and experience suggest it may help with. A markdown list works well.'],
  ['risks', 'Risks', 'Physical, psychological and practical risks, including interactions.'],
  ['contraindications', 'Contraindications', 'Who should not, or should take special care: conditions and medicines (e.g. lithium, MAOIs, SSRIs).'],
  ['legalStatus', 'Legal status', 'Phrase generally: laws differ by jurisdiction and change.'],
] as const;

type SectionKey = (typeof SECTION_FIELDS)[number][0];

function TextArea({
  label,
  name,
  hint,
  error,
  id,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; hint?: ReactNode; error?: string }) {
  const fieldId = id ?? `field-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={fieldId} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass} font-mono text-sm leading-6`}
        {...rest}
      />
      <FieldMessages fieldId={fieldId} hint={hint} error={error} />
    </div>
  );
}

let refKey = 0;
const toRefs = (refs: EditorInitial['references']): Ref[] => refs.map((r) => ({ key: ++refKey, text: r.text, doi: r.doi ?? '', url: r.url ?? '' }));

export function ArticleEditor({ modalities: initialModalities, initial }: Props) {
  const router = useRouter();
  const editing = !!initial;
  const [modalities, setModalities] = useState(initialModalities);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [slug, setSlug] = useState(initial?.slug ?? '');
  const [slugTouched, setSlugTouched] = useState(editing);
  const [modalityId, setModalityId] = useState(initial?.modalityId ?? '');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const [sections, setSections] = useState<Record<SectionKey, string>>({
    benefits: initial?.benefits ?? '',
    risks: initial?.risks ?? '',
    contraindications: initial?.contraindications ?? '',
    legalStatus: initial?.legalStatus ?? '',
  });
  const [refs, setRefs] = useState<Ref[]>(initial ? toRefs(initial.references) : []);
  const [markReviewed, setMarkReviewed] = useState(true);
  const [expectedUpdatedAt, setExpectedUpdatedAt] = useState(initial?.updatedAt);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  // The preview lags a keystroke behind on long articles instead of slowing down typing.
  const preview = useDeferredValue({ title, summary, body, sections, refs });

  function onTitle(v: string) {
    setTitle(v);
    if (!slugTouched) setSlug(slugify(v));
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setStatus(null);
    const payload = {
      title,
      slug,
      modalityId,
      summary,
      body,
      ...sections,
      references: refs.map((r) => ({ text: r.text, doi: r.doi, url: r.url })),
      markReviewed,
    };
    const res = initial ? await updateArticleAction({ ...payload, id: initial.id, expectedUpdatedAt }) : await createArticleAction(payload);
    setPending(false);
    if (res.ok) {
      setErrors({});
      setExpectedUpdatedAt(res.data.updatedAt);
      setStatus({ tone: 'success', text: 'Saved. Opening the article…' });
      router.push(`/library/${res.data.slug}`);
      router.refresh();
    } else {
      setErrors(res.error.fields ?? {});
      setStatus({ tone: 'error', text: res.error.message });
    }
  }

  const updateRef = (key: number, patch: Partial<Ref>) => setRefs((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={editing ? 'Edit article' : 'New article'}>
        {status && (
          <Alert tone={status.tone} testId="editor-status">
            {status.text}
          </Alert>
        )}
        <Field
          label="Title"
          name="title"
          value={title}
          onChange={(e) => onTitle(e.target.value)}
          required
          maxLength={ARTICLE_LIMITS.title.max}
          error={errors.title}
        />
        <Field
          label="Address (slug)"
          name="slug"
          value={slug}
          onChange={(e) => {
            setSlugTouched(true);
            setSlug(e.target.value);
          }}
          required
          maxLength={ARTICLE_LIMITS.slug.max}
          hint={<>The article will live at /library/{slug || '…'}</>}
          error={errors.slug}
        />
        <ModalityPicker
          modalities={modalities}
          value={modalityId}
          onChange={setModalityId}
          error={errors.modalityId}
          onCreated={(m) => {
            setModalities((ms) => [...ms, m].sort((a, b) => a.name.localeCompare(b.name)));
            setModalityId(m.id);
          }}
        />
        <TextArea
          label="Summary"
          name="summary"
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          rows={3}
          required
          maxLength={ARTICLE_LIMITS.summary.max}
          hint="Two or three plain sentences shown in the library index and at the top of the article."
          error={errors.summary}
        />
        <TextArea
          label="Article text (markdown)"
          name="body"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={14}
          required
          maxLength={ARTICLE_LIMITS.body.max}
          hint="Use ## for headings, - for lists, **bold** and [links](https://…). HTML is not allowed."
          error={errors.body}
        />
        {SECTION_FIELDS.map(([key, label, hint]) => (
          <TextArea
            key={key}
            label={`${label} (markdown)`}
            name={key}
            value={sections[key]}
            onChange={(e) => setSections((s) => ({ ...s, [key]: e.target.value }))}
            rows={5}
            required
            maxLength={ARTICLE_LIMITS.section.max}
            hint={hint}
            error={errors[key]}
          />
        ))}

        <fieldset className="space-y-3 rounded-lg border border-stone-200 p-4">
          <legend className="px-1 text-sm font-medium text-stone-800">References</legend>
          <p className="text-sm text-stone-600">Published studies: the citation, and a DOI (like 10.1038/s41591-021-01336-3) or an https:// link.</p>
          {errors.references && <p className="text-sm font-medium text-red-700">{errors.references}</p>}
          {refs.map((r, i) => {
            const prefix = `references.${i}`;
            return (
              <div key={r.key} className="space-y-2 rounded-md border border-stone-200 bg-stone-50 p-3" data-testid="reference-row">
                <TextArea
                  label={`Reference ${i + 1}: citation`}
                  name={`ref-text-${r.key}`}
                  value={r.text}
                  onChange={(e) => updateRef(r.key, { text: e.target.value })}
                  rows={2}
                  maxLength={ARTICLE_LIMITS.referenceText.max}
                  error={errors[`${prefix}.text`] ?? errors[prefix]}
                />
                <div className="grid gap-2 sm:grid-cols-2">
                  <Field
                    label="DOI"
                    name={`ref-doi-${r.key}`}
                    value={r.doi}
                    onChange={(e) => updateRef(r.key, { doi: e.target.value })}
                    maxLength={ARTICLE_LIMITS.doi.max}
                    error={errors[`${prefix}.doi`]}
                  />
                  <Field
                    label="Link"
                    name={`ref-url-${r.key}`}
                    type="url"
                    value={r.url}
                    onChange={(e) => updateRef(r.key, { url: e.target.value })}
                    maxLength={ARTICLE_LIMITS.url.max}
                    error={errors[`${prefix}.url`]}
                  />
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => setRefs((rs) => rs.filter((x) => x.key !== r.key))}
                  aria-label={`Remove reference ${i + 1}`}
                >
                  Remove
                </Button>
              </div>
            );
          })}
          <Button
            type="button"
            variant="secondary"
            disabled={refs.length >= ARTICLE_LIMITS.references.max}
            onClick={() => setRefs((rs) => [...rs, { key: ++refKey, text: '', doi: '', url: '' }])}
          >
            Add a reference
          </Button>
        </fieldset>

        <div className="flex items-start gap-3">
          <input
            id="field-markReviewed"
            type="checkbox"
            checked={markReviewed}
            onChange={(e) => setMarkReviewed(e.target.checked)}
            className="mt-0.5 h-6 w-6 accent-ember-700"
          />
          <label htmlFor="field-markReviewed" className="text-sm text-stone-800">
            I reviewed this article today: show it as <strong>last reviewed by me</strong>.
          </label>
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : editing ? 'Save changes' : 'Publish article'}
          </Button>
        </div>
      </form>

      {/* Focusable: on wide screens it scrolls on its own, and keyboard users must be able to scroll it too. */}
      <section
        aria-labelledby="preview-heading"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1; axe scrollable-region-focusable)
        tabIndex={0}
        className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
        data-testid="editor-preview"
      >
        <h2 id="preview-heading" className="text-sm font-semibold uppercase tracking-wide text-stone-600">
          Live preview
        </h2>
        <div className="mt-2 rounded-lg border border-stone-200 bg-white p-5">
          <h3 className="text-2xl font-semibold leading-tight text-stone-900">{preview.title || 'Untitled article'}</h3>
          {preview.summary && <p className="mt-3 leading-7 text-stone-700">{preview.summary}</p>}
          <Markdown headingBase={4}>{preview.body}</Markdown>
          {SECTION_FIELDS.map(([key, label]) =>
            preview.sections[key].trim() ? (
              <div key={key} className="mt-6">
                <h4 className="border-b border-stone-200 pb-1 text-lg font-semibold text-stone-900">{label}</h4>
                <Markdown headingBase={5}>{preview.sections[key]}</Markdown>
              </div>
            ) : null,
          )}
          {preview.refs.some((r) => r.text.trim()) && (
            <div className="mt-6">
              <h4 className="border-b border-stone-200 pb-1 text-lg font-semibold text-stone-900">References</h4>
              <ol className="mt-3 list-decimal space-y-2 pl-6 text-sm">
                {preview.refs
                  .filter((r) => r.text.trim())
                  .map((r) => {
                    const doi = normaliseDoi(r.doi);
                    return (
                      <li key={r.key}>
                        {r.text}
                        {doi && DOI_PATTERN.test(doi) ? (
                          <>
                            {' '}
                            <span className="text-ember-700 underline" title={doiUrl(doi)}>
                              doi:{doi}
                            </span>
                          </>
                        ) : null}
                      </li>
                    );
                  })}
              </ol>
            </div>
          )}
        </div>
      </section>
    </div>
  );
}

function ModalityPicker({
  modalities,
  value,
  onChange,
  error,
  onCreated,
}: {
  modalities: EditorModality[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
  onCreated: (m: EditorModality) => void;
}) {
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  async function add() {
    const res = await createModalityAction({ name, slug: slugify(name), summary });
    if (res.ok) {
      onCreated(res.data);
      setAdding(false);
      setName('');
      setSummary('');
      setErrors({});
      setMessage(null);
    } else {
      setErrors(res.error.fields ?? {});
      setMessage(res.error.message);
    }
  }

  return (
    <div className="space-y-2">
      <div className="space-y-1">
        <label htmlFor="field-modalityId" className="block text-sm font-medium text-stone-800">
          Modality
        </label>
        <select
          id="field-modalityId"
          name="modalityId"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={inputClass}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'field-modalityId-error' : undefined}
        >
          <option value="">Choose a modality…</option>
          {modalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        {error && (
          <p id="field-modalityId-error" className="text-sm font-medium text-red-700">
            {error}
          </p>
        )}
      </div>
      {adding ? (
        <fieldset className="min-w-0 space-y-3 rounded-md border border-stone-200 bg-stone-50 p-3" aria-labelledby={`${id}-legend`}>
          <p id={`${id}-legend`} className="text-sm font-medium text-stone-800">
            New modality
          </p>
          {message && <Alert tone="error">{message}</Alert>}
          <Field
            label="Name"
            name="modality-name"
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            error={errors.name ?? errors.slug}
          />
          <Field
            label="One-line summary"
            name="modality-summary"
            id={`${id}-summary`}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            maxLength={400}
            error={errors.summary}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={add}>
              Add modality
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAdding(false)}>
              Cancel
            </Button>
          </div>
        </fieldset>
      ) : (
        <button type="button" onClick={() => setAdding(true)} className="min-h-10 text-sm text-ember-700 underline">
          The modality is not listed? Add one
        </button>
      )}
    </div>
  );
}
