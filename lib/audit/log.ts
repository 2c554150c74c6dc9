// Reading the audit log: the filters, the words each action is shown with, and the rows the log pages show. No
// Prisma, no Node APIs.
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, type AuditAction } from './schema';

const id = z.string().min(1).max(64);

export const AUDIT_PAGE_SIZE = 100;

/** A calendar day, `YYYY-MM-DD`, read as a UTC day (the log shows its times in UTC). */
const day = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Choose a ${what} date.`)
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `Choose a ${what} date that exists.`);

/**
 * Filters for reading the log; every one optional, newest first, `AUDIT_PAGE_SIZE` entries a page. `from` and `to`
 * are UTC days, both included.
 */
export const listAuditEntriesSchema = z
  .object({
    targetType: z.enum(AUDIT_TARGET_TYPES).optional(),
    targetId: id.optional(),
    actorId: id.optional(),
    action: z.enum(AUDIT_ACTIONS, { error: 'Choose an action from the list.' }).optional(),
    discussionId: id.optional(),
    from: day('start').optional(),
    to: day('end').optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'The end date is before the start date.' });

/** The filters a log page's form can set (the rest are for code), in the order the form shows them. */
const AUDIT_FILTER_FIELDS = ['discussionId', 'actorId', 'action', 'from', 'to'] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];

/**
 * The filters of a log page's query string: empty fields and anything else dropped, so a submitted form with
 * blank fields reads as "no filter" and a hand-edited URL cannot add fields the page does not offer.
 */
export function auditFiltersFromSearch(params: Record<string, string | string[] | undefined>): Partial<Record<AuditFilterField | 'page', string>> {
  const out: Partial<Record<AuditFilterField | 'page', string>> = {};
  for (const key of [...AUDIT_FILTER_FIELDS, 'page'] as const) {
    const value = params[key];
    const one = Array.isArray(value) ? value[0] : value;
    if (one?.trim()) out[key] = one.trim().slice(0, 100);
  }
  return out;
}

/**
 * How the log says each action: "<actor> <words> <target>". A Record over every action, so a new audited
 * action does not compile until it has words here; entries of actions not (or no longer) listed show their code.
 * Extra keys are the moderation and community actions being added (they read the same once they exist).
 */
const ACTION_WORDS: Record<AuditAction, string> & Record<string, string> = {
  'user.role_changed': 'changed the role of',
  'user.banned': 'banned',
  'user.unbanned': 'lifted the ban on',
  'user.admin_created': 'created admin',
  'article.created': 'wrote the article',
  'article.updated': 'edited the article',
  'article.reviewed': 'reviewed the article',
  'modality.created': 'added the modality',
  'question.approved': 'approved the question',
  'question.rejected': 'rejected the question',
  'question.hidden': 'hid the question',
  'question.restored': 'restored the question',
  'question.redacted': 'edited (redacted) the question',
  'question.merged': 'merged the question',
  'question.queued': 'changed the up-next order for',
  'question.claimed': 'claimed the question',
  'question.released': 'released the question',
  'question.highlighted': 'highlighted the question',
  'question.unhighlighted': 'removed the highlight from',
  'question.answered': 'marked as answered',
  'question.unanswered': 'undid "answered" on',
  'question.resubmitted': 'resubmitted the question',
  'question.author_revealed': 'revealed the asker of',
  'participant.muted': 'muted',
  'participant.unmuted': 'unmuted',
  'participant.removed': 'removed',
  'participant.banned': 'banned',
  'care.opened': 'opened a care item for',
  'care.published': 'published a safer version of the care item',
  'care.kept_private': 'closed (kept private) the care item',
  'question.replied_privately': 'replied privately to the asker of',
  'question.auto_hidden': 'hid after members’ reports',
  // Other issue-10 actions (content warnings, the care settings, recaps), so their log lines read as words too.
  'question.content_warning_set': 'set the content warning of',
  'community.care_term_added': 'added a phrase to',
  'community.care_term_removed': 'removed a phrase from',
  'community.care_resource_created': 'added a support resource to',
  'community.care_resource_updated': 'edited a support resource in',
  'community.care_resource_deleted': 'removed a support resource from',
  'community.care_resources_reordered': 'reordered',
  'community.report_threshold_set': 'changed',
  'recap.published': 'published the recap of',
  'recap.note_edited': 'edited the recap note of',
  'recap.item_removed': 'removed an item from the recap of',
  'recap.item_restored': 'restored an item to the recap of',
  'recap.follow_up_answered': 'answered a follow-up in the recap of',
  'recap.item_assigned': 'assigned a follow-up in the recap of',
  'community.term_added': 'added a word to',
  'community.term_removed': 'removed a word from',
  'community.template_created': 'added a reason to',
  'community.template_updated': 'edited a reason in',
  'community.template_deleted': 'deleted a reason from',
  'community.templates_reordered': 'reordered',
  'community.new_member_holds_set': 'changed',
};

/**
 * The words for `action` in a log line ("approved the question"); the code itself when it has none. A sanction
 * through a question is about the person who asked it (an anonymous asker, named by pseudonym in the detail).
 */
export function auditActionWords(action: string, targetType?: string): string {
  if (!Object.hasOwn(ACTION_WORDS, action)) return action;
  const words = ACTION_WORDS[action];
  return action.startsWith('participant.') && targetType === 'question' ? `${words} the asker of` : words;
}

// Sanctions name their person in the line ("muted Alex"); in a list of actions they need an object.
const NAMES: Record<string, string> = {
  'participant.muted': 'Muted someone',
  'participant.unmuted': 'Unmuted someone',
  'participant.removed': 'Removed someone from a discussion',
  'participant.banned': 'Banned someone from a discussion',
};

/** The name of an action in a filter's list ("Approved the question"). */
export function auditActionName(action: string): string {
  if (Object.hasOwn(NAMES, action)) return NAMES[action];
  const words = auditActionWords(action);
  return words === action ? action : words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One line of the log as the log pages show it. `action` is a string, not `AuditAction`: entries written before
 * an action was renamed or retired still show. `target.name` is the target's current name (a question's: the start
 * of its text), null when it no longer exists; `detail` is what the entry recorded at the time (e.g. "MEMBER →
 * FACILITATOR", a pseudonym). `actorName` is null for the system, and never the name of an anonymous asker acting
 * on their own question: then it is their pseudonym (F27).
 */
export type AuditEntryView = {
  id: string;
  action: string;
  target: { type: string; id: string; name: string | null };
  actorName: string | null;
  discussion: { id: string; title: string | null } | null;
  reason: string | null;
  detail: string | null;
  at: Date;
};

export type AuditPage = { entries: AuditEntryView[]; total: number; page: number; pages: number };

/** What a log page's filter form offers: the people and discussions to pick from, by id. */
export type AuditFilterOptions = {
  actors: { id: string; name: string }[];
  discussions: { id: string; title: string }[];
  actions: string[];
};
