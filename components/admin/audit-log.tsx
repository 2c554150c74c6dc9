// The audit log's entries, newest first: who did what to whom, with the reason and detail recorded at the time.
import type { AuditEntryView } from '@/lib/audit/log';
import type { AuditAction } from '@/lib/audit/schema';

// A Record over every action: a new audited action does not compile until it has words here.
const LABELS: Record<AuditAction, string> = {
  'user.role_changed': 'changed the role of',
  'user.banned': 'banned',
  'user.unbanned': 'lifted the ban on',
  'user.admin_created': 'created admin',
  'article.created': 'wrote the article',
  'article.updated': 'edited the article',
  'article.reviewed': 'reviewed the article',
  'modality.created': 'added the modality',
};
const label = (action: string) => (Object.hasOwn(LABELS, action) ? LABELS[action as AuditAction] : action);

export function AuditLog({ entries }: { entries: AuditEntryView[] }) {
  return (
    <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="audit-log">
      {entries.map((e) => (
        <li key={e.id} className="p-4 text-sm">
          <p>
            <strong>{e.actorName ?? 'System'}</strong> {label(e.action)} <strong>{e.target.name ?? e.target.id}</strong>
            {/* An article's title is both its name and the detail recorded; say it once unless it changed since. */}
            {e.detail && e.detail !== e.target.name && <span className="text-stone-700"> ({e.detail})</span>}
          </p>
          {e.reason && <p className="text-stone-700">Reason: {e.reason}</p>}
          <p className="text-stone-500">
            <time dateTime={e.at.toISOString()}>{e.at.toISOString().replace('T', ' ').slice(0, 16)} UTC</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
