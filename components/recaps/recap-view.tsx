// The recap page's body: the counts, the host's note, answered questions with their public replies, and those
// left for follow-up. Editors (the host, admins) get the controls beside each part; everyone else reads.
import Link from 'next/link';
import { ZonedTime } from '@/components/time/zoned-time';
import { Markdown } from '@/components/ui/markdown';
import type { RecapItemView, RecapView } from '@/lib/recaps/views';
import { FollowUpAnswerForm, FollowUpAssign, PublishRecap, RecapItemToggle, RecapNoteEditor } from './recap-controls';

const sectionBox = 'rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-5';

function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

function Counts({ counts }: { counts: RecapView['counts'] }) {
  const rows: [string, string][] = [
    ['Questions asked', String(counts.asked)],
    ['Shown to the room', String(counts.approved)],
    ['Held for review', String(counts.held)],
    ['Not approved', String(counts.rejected)],
    ['Answered privately (care)', String(counts.care)],
    ['Most people in the room', String(counts.peakAttendance)],
    ['Length', durationText(counts.durationMinutes)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="recap-counts">
      {rows.map(([label, value]) => (
        <div key={label} className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2">
          <dt className="text-xs text-stone-600">{label}</dt>
          <dd className="text-lg font-semibold text-stone-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function askerText(asker: RecapItemView['asker']): string {
  if (asker.kind === 'named') return `Asked by ${asker.name}`;
  return asker.kind === 'anonymous' ? 'Asked anonymously' : 'A member asked';
}

const excerpt = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s);

function Item({ item, recap }: { item: RecapItemView; recap: RecapView }) {
  const discussionId = recap.discussion.id;
  const canAnswer = item.kind === 'follow_up' && recap.can.answer.includes(item.id);
  return (
    <li
      data-testid="recap-item"
      data-removed={item.removed || undefined}
      className={`space-y-3 py-4 ${item.removed ? '-mx-2 rounded-md border border-dashed border-stone-400 bg-stone-50 px-2' : ''}`}
    >
      {item.removed && (
        <p className="text-sm font-medium text-stone-700" data-testid="recap-item-removed-note">
          Removed: only you and admins see it here; it is not in the recap.
        </p>
      )}
      <div>
        <p className="whitespace-pre-line text-stone-900" data-testid="recap-item-body">
          {item.body}
        </p>
        <p className="mt-1 text-sm text-stone-600">{askerText(item.asker)}</p>
      </div>
      {item.replies.length > 0 && (
        <ul className="space-y-2 border-l-2 border-ember-200 pl-3" aria-label="Replies">
          {item.replies.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: replies are a fixed list kept with the recap
            <li key={i} className="text-sm">
              <span className="font-medium text-stone-900">{r.author}:</span> <span className="whitespace-pre-line text-stone-800">{r.body}</span>
            </li>
          ))}
        </ul>
      )}
      {item.followUpAnswer && (
        <div className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-950" data-testid="recap-follow-up-answer">
          <p className="font-medium">Followed up</p>
          <p className="whitespace-pre-line">{item.followUpAnswer}</p>
        </div>
      )}
      {(recap.can.edit || canAnswer) && (
        <div className="space-y-3 rounded-md bg-stone-50 p-3">
          {recap.can.edit && <RecapItemToggle discussionId={discussionId} itemId={item.id} removed={item.removed} label={excerpt(item.body)} />}
          {recap.can.edit && item.kind === 'follow_up' && (
            <FollowUpAssign discussionId={discussionId} itemId={item.id} staff={recap.staff} assignedTo={item.assignedTo} />
          )}
          {canAnswer && <FollowUpAnswerForm discussionId={discussionId} itemId={item.id} answer={item.followUpAnswer} />}
        </div>
      )}
    </li>
  );
}

function Items({ id, title, empty, items, recap }: { id: string; title: string; empty: string; items: RecapItemView[]; recap: RecapView }) {
  return (
    <section aria-labelledby={id} className={sectionBox} data-testid={id}>
      <h2 id={id} className="text-lg font-semibold text-stone-900">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-stone-700">{empty}</p>
      ) : (
        <ol className="divide-y divide-stone-200">
          {items.map((item) => (
            <Item key={item.id} item={item} recap={recap} />
          ))}
        </ol>
      )}
    </section>
  );
}

export function RecapDocument({ recap, viewerZone }: { recap: RecapView; viewerZone: string }) {
  const d = recap.discussion;
  const draft = recap.status === 'DRAFT';
  const answered = recap.items.filter((i) => i.kind === 'answered');
  const followUps = recap.items.filter((i) => i.kind === 'follow_up');
  return (
    <article className="space-y-6" data-testid="recap" data-status={recap.status}>
      <p>
        <Link href={`/discussions/${d.id}`} className="text-sm text-ember-700 underline">
          ← Back to the discussion
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold text-stone-900">Recap: {d.title}</h1>
        <p className="text-sm text-stone-600">
          <ZonedTime at={new Date(d.startsAt)} zone={viewerZone} hostZone={d.timeZone} />
          {recap.publishedAt && (
            <>
              {' · '}Published <ZonedTime at={new Date(recap.publishedAt)} zone={viewerZone} variant="short" />
            </>
          )}
        </p>
        {draft && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="recap-draft-note">
            <strong>Draft.</strong> Only this discussion’s hosts and admins see it{recap.can.edit ? '' : ', and you, for the follow-ups assigned to you'}.
            Remove anything that should not be kept, add a note, then publish: everyone who took part is told.
          </p>
        )}
      </header>

      {recap.can.edit && (
        <section aria-labelledby="recap-host-tools" className={`${sectionBox} space-y-4`}>
          <h2 id="recap-host-tools" className="text-lg font-semibold text-stone-900">
            For the host
          </h2>
          <RecapNoteEditor discussionId={d.id} note={recap.note} />
          <p className="text-sm text-stone-700">
            Download the questions:{' '}
            <a href={`/api/discussions/${d.id}/export.csv`} className="text-ember-700 underline" data-testid="export-csv">
              CSV
            </a>{' '}
            ·{' '}
            <a href={`/api/discussions/${d.id}/export.md`} className="text-ember-700 underline" data-testid="export-md">
              Markdown
            </a>{' '}
            (anonymous askers by pseudonym; care conversations and private replies are left out).
          </p>
          <PublishRecap discussionId={d.id} draft={draft} />
        </section>
      )}

      <Counts counts={recap.counts} />
      {recap.counts.care > 0 && (
        <p className="text-sm text-stone-600">
          Care conversations are counted here; what stayed private is never shown.{' '}
          <Link href="/support" className="text-ember-700 underline">
            Need support now?
          </Link>
        </p>
      )}

      {recap.note && !recap.can.edit && (
        <section aria-labelledby="recap-note" className={sectionBox}>
          <h2 id="recap-note" className="text-lg font-semibold text-stone-900">
            From the host
          </h2>
          <Markdown headingBase={3}>{recap.note}</Markdown>
        </section>
      )}

      <Items id="recap-answered" title="Answered" empty="No questions were marked answered." items={answered} recap={recap} />
      <Items id="recap-follow-up" title="For follow-up" empty="Every question shown to the room was answered." items={followUps} recap={recap} />
    </article>
  );
}
