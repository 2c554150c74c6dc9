// Reading the audit log: the filters and the rows the log pages show. No Prisma, no Node APIs.
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from './schema';

const targetId = z.string().min(1).max(64);

export const AUDIT_PAGE_SIZE = 100;

/** Filters for reading the log; every one optional, newest first, `AUDIT_PAGE_SIZE` entries a page. */
export const listAuditEntriesSchema = z
  .object({
    targetType: z.enum(AUDIT_TARGET_TYPES).optional(),
    targetId: targetId.optional(),
    actorId: z.string().min(1).max(64).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();

/**
 * One line of the log as the admin page shows it. `action` is a string, not `AuditAction`: entries written
 * before an action was renamed or retired still show. `target.name` is the target's current name, null when
 * it no longer exists; `detail` is what the entry recorded at the time (e.g. "MEMBER → FACILITATOR").
 */
export type AuditEntryView = {
  id: string;
  action: string;
  target: { type: string; id: string; name: string | null };
  actorName: string | null;
  reason: string | null;
  detail: string | null;
  at: Date;
};

export type AuditPage = { entries: AuditEntryView[]; total: number; page: number; pages: number };
