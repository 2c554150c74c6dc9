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
    case 'question.redacted':
      return `Before: ${event.detail.before}\nAfter: ${event.detail.after}\nNote to the author: ${event.detail.note}`;
    case 'question.merged':
      return `Merged into question ${event.detail.intoId}`;
    case 'question.queued':
      return event.detail.position === null ? 'Taken out of "up next"' : `Up next, position ${event.detail.position + 1}`;
    case 'question.author_revealed':
      return event.detail.pseudonym;
    case 'participant.muted': {
      const length = event.detail.minutes === null ? 'Until the discussion ends' : `${event.detail.minutes} minutes`;
      return event.detail.pseudonym ? `${length} · ${event.detail.pseudonym}` : length;
    }
    case 'question.answered': {
      const was = [
        event.detail.position === null ? null : `Was up next, position ${event.detail.position + 1}`,
        event.detail.highlighted ? 'Was being answered now' : null,
      ].filter(Boolean);
      return was.length ? was.join(' · ') : null;
    }
    case 'participant.unmuted':
    case 'participant.removed':
      return event.detail.pseudonym ?? null;
    case 'community.term_added':
    case 'community.term_removed':
      return event.detail.term;
    case 'community.template_created':
    case 'community.template_updated':
    case 'community.template_deleted':
      return event.detail.label;
    case 'community.new_member_holds_set':
      return `${event.detail.from} → ${event.detail.to}`;
    case 'care.opened':
      return event.detail.source === 'report' ? 'From a member’s report: someone may be at risk' : 'Matched the care word list';
    case 'question.auto_hidden':
      return `Hidden after ${event.detail.reports} members’ reports`;
    case 'care.published':
    case 'care.kept_private':
    case 'question.replied_privately':
      return null;
    case 'community.care_term_added':
    case 'community.care_term_removed':
      return event.detail.term;
    case 'community.care_resource_created':
    case 'community.care_resource_updated':
    case 'community.care_resource_deleted':
      return event.detail.name;
    case 'community.report_threshold_set':
      return `${event.detail.from} → ${event.detail.to}`;
    case 'recap.item_assigned':
      return event.detail.assignee ? `Assigned to ${event.detail.assignee}` : 'Assignment taken back';
    case 'community.care_resources_reordered':
    case 'recap.published':
    case 'recap.note_edited':
    case 'recap.item_removed':
    case 'recap.item_restored':
    case 'recap.follow_up_answered':
      return null;
    case 'question.content_warning_set':
      return `${event.detail.from ?? 'none'} → ${event.detail.to ?? 'none'}`;
    case 'community.templates_reordered':
    case 'user.banned':
    case 'user.unbanned':
    case 'question.approved':
    case 'question.rejected':
    case 'question.hidden':
    case 'question.restored':
    case 'question.claimed':
    case 'question.released':
    case 'question.highlighted':
    case 'question.unanswered':
      return null;
  }
}

/** What a 'question.answered' entry's detail says the question had before (its up-next place, the highlight). */
export function answeredBefore(detail: string | null): { position: number | null; highlighted: boolean } {
  const place = /Was up next, position (\d+)/.exec(detail ?? '');
  return { position: place ? Number(place[1]) - 1 : null, highlighted: (detail ?? '').includes('Was being answered now') };
}

/**
 * Records `event` done by `actor` (null: the system or the command line, nobody signed in) on the caller's
 * transaction client. The event is parsed, not trusted: a wrong shape throws and rolls the change back with it.
 * `discussionId`: the discussion the action belongs to (moderation), so its hosts can read that part of the log.
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: { id: string } | null, raw: AuditEvent, discussionId?: string): Promise<void> {
  const event = auditEventSchema.parse(raw);
  await tx.auditEntry.create({
    data: {
      actorId: actor?.id ?? null,
      action: event.action,
      targetType: event.target.type,
      targetId: event.target.id,
      reason: 'reason' in event ? event.reason : null,
      detail: auditDetailText(event),
      discussionId: discussionId ?? null,
    },
  });
}
