import type { Metadata } from 'next';
import { requirePageActor } from '@/server/auth/next-session';
import { listAuditEntries } from '@/server/users/queries';

export const metadata: Metadata = { title: 'Audit log' };

const LABELS: Record<string, string> = {
  'user.role_changed': 'changed the role of',
  'user.banned': 'banned',
  'user.unbanned': 'lifted the ban on',
  'user.admin_created': 'created admin',
};

export default async function AuditPage() {
  const actor = await requirePageActor('/admin/audit');
  const entries = await listAuditEntries(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-stone-900">Audit log</h1>
      {entries.length === 0 ? (
        <p className="text-stone-700">No admin actions yet.</p>
      ) : (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="audit-log">
          {entries.map((e) => (
            <li key={e.id} className="p-4 text-sm">
              <p>
                <strong>{e.actorName ?? 'System'}</strong> {LABELS[e.action] ?? e.action} <strong>{e.targetName ?? e.targetId}</strong>
                {e.detail && <span className="text-stone-700"> ({e.detail})</span>}
              </p>
              {e.reason && <p className="text-stone-700">Reason: {e.reason}</p>}
              <p className="text-stone-500"><time dateTime={e.at.toISOString()}>{e.at.toISOString().replace('T', ' ').slice(0, 16)} UTC</time></p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
