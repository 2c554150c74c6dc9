// What the audit log records: one typed event per audited action (reading it: lib/audit/log.ts). No Prisma, no
// Node APIs.
import { z } from 'zod';
import { ROLES } from '../users/roles';

/** Everything an audit entry can be about. Open for the moderation queue (questions) and discussion actions. */
export const AUDIT_TARGET_TYPES = ['user', 'discussion', 'question', 'article', 'modality', 'community'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

const targetId = z.string().min(1).max(64);
const target = <T extends AuditTargetType>(type: T) => z.object({ type: z.literal(type), id: targetId }).strict();
// Reasons and details are user text (ban reasons, article titles): bounded like the inputs they come from.
const reason = z.string().min(1).max(500);
const title = z.string().min(1).max(200);
const questionText = z.string().min(1).max(500);
const pseudonym = z.string().min(1).max(100);
/** A person acted on: by user id when named, by the question (and its pseudonym) when they asked anonymously. */
const person = z.union([target('user'), target('question')]);
const onQuestion = <A extends string>(action: A) => z.object({ action: z.literal(action), target: target('question') }).strict();

/**
 * Every audited action, with exactly the target and detail it carries. `recordAudit` parses the event with this
 * schema, so a caller cannot write a free-form action or a detail of the wrong shape.
 */
export const auditEventSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('user.role_changed'), target: target('user'), detail: z.object({ from: z.enum(ROLES), to: z.enum(ROLES) }).strict() }).strict(),
  z.object({ action: z.literal('user.banned'), target: target('user'), reason }).strict(),
  z.object({ action: z.literal('user.unbanned'), target: target('user') }).strict(),
  // The first admin of a deployment, made from the command line (the actor is then null: nobody signed in).
  z.object({ action: z.literal('user.admin_created'), target: target('user'), detail: z.object({ via: z.literal('npm run admin:create') }).strict() }).strict(),
  z.object({ action: z.literal('article.created'), target: target('article'), detail: z.object({ title }).strict() }).strict(),
  z.object({ action: z.literal('article.updated'), target: target('article'), detail: z.object({ title }).strict() }).strict(),
  z.object({ action: z.literal('article.reviewed'), target: target('article'), detail: z.object({ title }).strict() }).strict(),
  z.object({ action: z.literal('modality.created'), target: target('modality'), detail: z.object({ name: z.string().min(1).max(100) }).strict() }).strict(),
  // The moderation queue (issue 9): one entry per applied action, written with the discussion's id.
  onQuestion('question.approved'),
  z.object({ action: z.literal('question.rejected'), target: target('question'), reason }).strict(),
  onQuestion('question.hidden'),
  onQuestion('question.restored'),
  // The original text lives here and nowhere else once a facilitator redacted the question.
  z
    .object({
      action: z.literal('question.redacted'),
      target: target('question'),
      detail: z.object({ before: questionText, after: questionText, note: z.string().min(1).max(300) }).strict(),
    })
    .strict(),
  z.object({ action: z.literal('question.merged'), target: target('question'), detail: z.object({ intoId: targetId }).strict() }).strict(),
  z
    .object({ action: z.literal('question.queued'), target: target('question'), detail: z.object({ position: z.number().int().min(0).nullable() }).strict() })
    .strict(),
  onQuestion('question.claimed'),
  onQuestion('question.released'),
  onQuestion('question.highlighted'),
  // What "answered" took away (its up-next place, the highlight), so an undo within 10 s can give it back.
  z
    .object({
      action: z.literal('question.answered'),
      target: target('question'),
      detail: z.object({ position: z.number().int().min(0).nullable(), highlighted: z.boolean() }).strict(),
    })
    .strict(),
  onQuestion('question.unanswered'),
  z.object({ action: z.literal('question.author_revealed'), target: target('question'), reason, detail: z.object({ pseudonym }).strict() }).strict(),
  // A question's content warning set or cleared after it was asked (by its author or staff; null: none).
  z
    .object({
      action: z.literal('question.content_warning_set'),
      target: target('question'),
      detail: z.object({ from: z.string().min(1).max(30).nullable(), to: z.string().min(1).max(30).nullable() }).strict(),
    })
    .strict(),
  z
    .object({
      action: z.literal('participant.muted'),
      target: person,
      reason,
      detail: z.object({ minutes: z.number().int().positive().nullable(), pseudonym: pseudonym.optional() }).strict(),
    })
    .strict(),
  z.object({ action: z.literal('participant.unmuted'), target: person, detail: z.object({ pseudonym: pseudonym.optional() }).strict() }).strict(),
  // The care lane and member reports (issue 10): never the question's text, never who reported. Opening a care item
  // and hiding after N reports are the system's actions (actor null), so no asker or reporter is named.
  z.object({ action: z.literal('care.opened'), target: target('question'), detail: z.object({ source: z.enum(['care_terms', 'report']) }).strict() }).strict(),
  onQuestion('care.published'),
  onQuestion('care.kept_private'),
  onQuestion('question.replied_privately'),
  z.object({ action: z.literal('question.auto_hidden'), target: target('question'), detail: z.object({ reports: z.number().int().min(1) }).strict() }).strict(),
  z.object({ action: z.literal('participant.removed'), target: person, reason, detail: z.object({ pseudonym: pseudonym.optional() }).strict() }).strict(),
  // The community's moderation settings (admins, /admin/moderation): the word list, the reject reasons, the new-member tier.
  z
    .object({
      action: z.enum(['community.term_added', 'community.term_removed']),
      target: z.object({ type: z.literal('community'), id: z.literal('word_list') }).strict(),
      detail: z.object({ term: z.string().min(1).max(60) }).strict(),
    })
    .strict(),
  z
    .object({
      action: z.enum(['community.template_created', 'community.template_updated', 'community.template_deleted']),
      target: z.object({ type: z.literal('community'), id: z.literal('reason_templates') }).strict(),
      detail: z.object({ label: z.string().min(1).max(60) }).strict(),
    })
    .strict(),
  z
    .object({
      action: z.literal('community.templates_reordered'),
      target: z.object({ type: z.literal('community'), id: z.literal('reason_templates') }).strict(),
    })
    .strict(),
  z
    .object({
      action: z.literal('community.new_member_holds_set'),
      target: z.object({ type: z.literal('community'), id: z.literal('new_member_holds') }).strict(),
      detail: z.object({ from: z.number().int().min(0), to: z.number().int().min(0).max(20) }).strict(),
    })
    .strict(),
  // Issue 10 (helper recap): the care settings (admins, /admin/care) and recaps (target: the discussion).
  z
    .object({
      action: z.enum(['community.care_term_added', 'community.care_term_removed']),
      target: z.object({ type: z.literal('community'), id: z.literal('care_terms') }).strict(),
      detail: z.object({ term: z.string().min(1).max(60) }).strict(),
    })
    .strict(),
  z
    .object({
      action: z.enum(['community.care_resource_created', 'community.care_resource_updated', 'community.care_resource_deleted']),
      target: z.object({ type: z.literal('community'), id: z.literal('care_resources') }).strict(),
      detail: z.object({ name: z.string().min(1).max(80) }).strict(),
    })
    .strict(),
  z
    .object({
      action: z.literal('community.care_resources_reordered'),
      target: z.object({ type: z.literal('community'), id: z.literal('care_resources') }).strict(),
    })
    .strict(),
  z
    .object({
      action: z.literal('community.report_threshold_set'),
      target: z.object({ type: z.literal('community'), id: z.literal('report_threshold') }).strict(),
      detail: z.object({ from: z.number().int().min(1), to: z.number().int().min(1).max(20) }).strict(),
    })
    .strict(),
  z.object({ action: z.enum(['recap.published', 'recap.note_edited']), target: target('discussion') }).strict(),
  z
    .object({
      action: z.enum(['recap.item_removed', 'recap.item_restored', 'recap.follow_up_answered']),
      target: target('discussion'),
      detail: z.object({ itemId: targetId }).strict(),
    })
    .strict(),
  z
    .object({
      action: z.literal('recap.item_assigned'),
      target: target('discussion'),
      detail: z.object({ itemId: targetId, assignee: z.string().min(1).max(100).nullable() }).strict(),
    })
    .strict(),
]);
export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditAction = AuditEvent['action'];

export const AUDIT_ACTIONS = [
  'user.role_changed',
  'user.banned',
  'user.unbanned',
  'user.admin_created',
  'article.created',
  'article.updated',
  'article.reviewed',
  'modality.created',
  'question.approved',
  'question.rejected',
  'question.hidden',
  'question.restored',
  'question.redacted',
  'question.merged',
  'question.queued',
  'question.claimed',
  'question.released',
  'question.highlighted',
  'question.answered',
  'question.unanswered',
  'question.author_revealed',
  'question.content_warning_set',
  'participant.muted',
  'participant.unmuted',
  'participant.removed',
  'care.opened',
  'care.published',
  'care.kept_private',
  'question.replied_privately',
  'question.auto_hidden',
  'community.term_added',
  'community.term_removed',
  'community.template_created',
  'community.template_updated',
  'community.template_deleted',
  'community.templates_reordered',
  'community.new_member_holds_set',
  'community.care_term_added',
  'community.care_term_removed',
  'community.care_resource_created',
  'community.care_resource_updated',
  'community.care_resource_deleted',
  'community.care_resources_reordered',
  'community.report_threshold_set',
  'recap.published',
  'recap.note_edited',
  'recap.item_removed',
  'recap.item_restored',
  'recap.item_assigned',
  'recap.follow_up_answered',
] as const satisfies readonly AuditAction[];
// Fails to compile when an action is added to the union but not to the list (the filter would refuse it).
const everyActionListed: [Exclude<AuditAction, (typeof AUDIT_ACTIONS)[number]>] extends [never] ? true : false = true;
void everyActionListed;
