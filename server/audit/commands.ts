// The one way to write the audit log. Called inside the transaction of the change it records, so an action is
// either done and audited, or neither.
import { type AuditEvent, auditEventSchema } from '@/lib/audit/schema';
import type { Prisma } from '../db/client';

/**
 * The detail column holds what a person reads in the log, made here from the event's typed detail, so entries
 * written before this module existed and those written after read the same.
 */
function auditDetailText(event: AuditEvent): string | null {
  switch (event.action) {
    case 'user.role_changed':
      return `${event.detail.from} → ${event.detail.to}`;
    case 'user.admin_created':
      return event.detail.via;
    case 'article.created':
    case 'article.updated':
    case 'article.reviewed':
      return event.detail.title;
    case 'modality.created':
      return event.detail.name;
    case 'user.banned':
    case 'user.unbanned':
      return null;
  }
}

/**
 * Records `event` done by `actor` (null: the system or the command line, nobody signed in) on the caller's
 * transaction client. The event is parsed, not trusted: a wrong shape throws and rolls the change back with it.
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: { id: string } | null, raw: AuditEvent): Promise<void> {
  const event = auditEventSchema.parse(raw);
  await tx.auditEntry.create({
    data: {
      actorId: actor?.id ?? null,
      action: event.action,
      targetType: event.target.type,
      targetId: event.target.id,
      reason: 'reason' in event ? event.reason : null,
      detail: auditDetailText(event),
    },
  });
}
