// Reads of the community's moderation settings, with their defaults: how many of a member's first questions wait
// for review, the community's blocked terms, and the kind reasons facilitators pick when rejecting. Admins edit
// them (server/community/commands.ts); the moderation queue reads them here.
import { DEFAULT_NEW_MEMBER_HOLDS } from '@/lib/moderation/schema';
import type { ReasonTemplateView } from '@/lib/moderation/views';
import { db } from '../db/client';

const NEW_MEMBER_HOLDS_KEY = 'newMemberHolds';

/** The "new member" tier: how many of a member's first questions in the community wait for review. */
export async function getNewMemberHolds(): Promise<number> {
  const row = await db().communitySetting.findUnique({ where: { key: NEW_MEMBER_HOLDS_KEY }, select: { value: true } });
  const n = row ? Number.parseInt(row.value, 10) : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? n : DEFAULT_NEW_MEMBER_HOLDS;
}

/** The community's own word list (the word filter adds obscenity's English list). */
export async function getBlockedTerms(): Promise<string[]> {
  const rows = await db().blockedTerm.findMany({ select: { term: true }, orderBy: { term: 'asc' } });
  return rows.map((r) => r.term);
}

/** Kind defaults, offered until an admin writes the community's own templates. */
const DEFAULT_REASON_TEMPLATES: ReasonTemplateView[] = [
  {
    id: 'default-off-topic',
    label: 'Off-topic for tonight',
    body: 'Thank you for asking. This one is off-topic for tonight’s discussion; it may fit another circle better.',
  },
  {
    id: 'default-rephrase',
    label: 'Please rephrase kindly',
    body: 'Thank you for asking. Could you rephrase it more gently? Everyone here is sharing something personal.',
  },
  {
    id: 'default-private-details',
    label: 'Shares someone’s private details',
    body: 'Thank you for asking. It shares details that could identify someone; please ask again without them.',
  },
  { id: 'default-answered', label: 'Already answered', body: 'Thank you for asking. This was already answered earlier in the discussion.' },
];

/** The reasons a facilitator can pick when rejecting a question, in the admins' order (defaults when none). */
export async function listReasonTemplates(): Promise<ReasonTemplateView[]> {
  const rows = await db().reasonTemplate.findMany({ orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, label: true, body: true } });
  return rows.length ? rows : DEFAULT_REASON_TEMPLATES;
}
