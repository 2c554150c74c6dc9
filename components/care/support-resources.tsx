// The crisis resources as a warm, readable list: used on /support, in the care lane and in the admins' preview.
// Plain props and no server imports, so it renders in server and client components alike.
import { useId } from 'react';
import type { CareResourceList, CareResourceView } from '@/lib/care/views';

type Props = { list: CareResourceList; headingLevel?: 2 | 3; compact?: boolean };

// A phone number or short code: at least three digits, maybe grouped by spaces, dashes or brackets.
const PHONE = /\+?\d[\d\s\-()]{1,18}\d/g;

/** The one number a contact names (e.g. "Call or text 988"); none when it names several or none. */
function singleNumber(contact: string): string | null {
  const found = contact.match(PHONE) ?? [];
  if (found.length !== 1) return null;
  const raw = found[0];
  const digits = raw.replace(/[^\d]/g, '');
  return digits.length >= 3 ? `${raw.trim().startsWith('+') ? '+' : ''}${digits}` : null;
}

const actionClass =
  'inline-flex min-h-11 items-center rounded-md border border-ember-200 bg-white px-3 text-sm font-medium text-ember-800 no-underline hover:bg-ember-50';

/** Call (and Text) buttons when the contact names one number. */
function ContactActions({ resource }: { resource: CareResourceView }) {
  const number = singleNumber(resource.contact);
  if (!number) return null;
  const texts = /\b(text|sms)\b/i.test(resource.contact);
  return (
    <p className="mt-2 flex flex-wrap gap-2">
      <a href={`tel:${number}`} className={actionClass} aria-label={`Call ${resource.name}`}>
        Call
      </a>
      {texts && (
        <a href={`sms:${number}`} className={actionClass} aria-label={`Text ${resource.name}`}>
          Text
        </a>
      )}
    </p>
  );
}

export function SupportResources({ list, headingLevel = 2, compact = false }: Props) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const ItemHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section aria-labelledby={headingId} data-testid="support-resources" className={compact ? 'space-y-3' : 'space-y-4'}>
      <Heading id={headingId} className={compact ? 'text-base font-semibold text-stone-900' : 'text-lg font-semibold text-stone-900'}>
        Where to find support
      </Heading>
      <p role="note" className="rounded-md border border-ember-200 bg-ember-50 px-4 py-3 text-sm text-ember-800">
        <strong>If you are in immediate danger, contact local emergency services.</strong>
      </p>
      {list.resources.length === 0 ? (
        <p className="text-stone-700">No other resources are listed yet.</p>
      ) : (
        <ul className={compact ? 'space-y-2' : 'space-y-3'}>
          {list.resources.map((r) => (
            <li
              key={r.id}
              data-testid="support-resource"
              className={`rounded-lg border border-stone-200 bg-white ${compact ? 'p-3 text-sm' : 'p-4 shadow-sm sm:p-5'}`}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                {compact ? (
                  <p className="font-semibold text-stone-900">{r.name}</p>
                ) : (
                  <ItemHeading className="font-semibold text-stone-900">{r.name}</ItemHeading>
                )}
                {r.region && <span className="text-sm text-stone-600">{r.region}</span>}
              </div>
              <p className="mt-1 text-stone-900" data-testid="support-resource-contact">
                {r.contact}
              </p>
              {r.description && <p className="mt-1 text-stone-700">{r.description}</p>}
              <ContactActions resource={r} />
            </li>
          ))}
        </ul>
      )}
      {list.isDefault && (
        <p className="text-sm text-stone-600" data-testid="support-resources-default">
          These are general resources; your community may list its own.
        </p>
      )}
    </section>
  );
}
