// What the audit log records: one typed event per audited action (reading it: lib/audit/log.ts). No Prisma, no
// Node APIs.
import { z } from 'zod';
import { ROLES } from '../users/roles';

/** Everything an audit entry can be about. Open for the moderation queue (questions) and discussion actions. */
export const AUDIT_TARGET_TYPES = ['user', 'discussion', 'question', 'article', 'modality'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

const targetId = z.string().min(1).max(64);
const target = <T extends AuditTargetType>(type: T) => z.object({ type: z.literal(type), id: targetId }).strict();
// Reasons and details are user text (ban reasons, article titles): bounded like the inputs they come from.
const reason = z.string().min(1).max(500);
const title = z.string().min(1).max(200);

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
] as const satisfies readonly AuditAction[];
// Fails to compile when an action is added to the union but not to the list (the filter would refuse it).
const everyActionListed: [Exclude<AuditAction, (typeof AUDIT_ACTIONS)[number]>] extends [never] ? true : false = true;
void everyActionListed;
