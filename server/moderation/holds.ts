// Why a new question waits for review (issue 9 item 1): pre-moderated discussions hold every member question;
// in post mode a member's first questions in the community that reached a room (the "new member" tier) and any question that trips
// the word filter (obscenity's English list plus the community's own terms) are held too — never dropped.
// Staff of the discussion are never held. The word filter is built once and rebuilt only when the community's
// list changes (blockedTermsChanged, or at most every few seconds on other nodes), so a hold costs an ask the
// same whatever the size of the community.
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import type { HoldReason } from '@/lib/moderation/schema';
import { cleanText } from '@/lib/text/clean';
import { getBlockedTerms, getNewMemberHolds } from '../community/queries';
import type { Prisma } from '../db/client';
import type { RoomContext } from '../live/context';
import { processSingleton } from '../runtime';

/** Another node's edit of the word list is seen within this time. */
const TERMS_TTL_MS = 5_000;

type Filter = { community: RegExp | null; readAt: number; version: number };
const state = () => processSingleton('word-filter', () => ({ version: 0, filter: null as Filter | null, pending: null as Promise<Filter> | null }));

let obscenityMatcher: RegExpMatcher | null = null;
const obscenity = () => {
  obscenityMatcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return obscenityMatcher;
};

/** The admins changed the community's word list: the next question is checked against the new list. */
export function blockedTermsChanged(): void {
  const s = state();
  s.version++;
  s.filter = null;
  s.pending = null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One case-insensitive pattern for the community's terms, each matched as a whole word or phrase. */
export function communityPattern(terms: string[]): RegExp | null {
  const words = terms.map((t) => cleanText(t).trim().toLowerCase()).filter(Boolean);
  if (!words.length) return null;
  const alternatives = words.map((w) => escapeRegExp(w).replace(/\s+/g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'iu');
}

async function communityFilter(): Promise<RegExp | null> {
  const s = state();
  if (s.filter && Date.now() - s.filter.readAt < TERMS_TTL_MS) return s.filter.community;
  const version = s.version;
  s.pending ??= getBlockedTerms().then((terms) => ({ community: communityPattern(terms), readAt: Date.now(), version }));
  const pending = s.pending;
  try {
    const filter = await pending;
    // Keep it unless the list changed while it was read (then the next question reads the new list).
    if (s.version === filter.version) s.filter = filter;
    return filter.community;
  } finally {
    if (s.pending === pending) s.pending = null;
  }
}

/** Whether a text trips the word filter: obscenity's English list (with its look-alike transformers) or a community term. */
export async function tripsWordFilter(text: string): Promise<boolean> {
  const clean = cleanText(text);
  if (obscenity().hasMatch(clean)) return true;
  return (await communityFilter())?.test(clean) ?? false;
}

/**
 * The author's questions that reached a room (the new-member tier counts only these, so questions that never
 * got past review — pending, rejected, merged while held — buy nothing): visible now, answered, or hidden
 * (a question is hidden only from the room, so it was visible). A merged question is not counted.
 */
const reachedRoom = (authorId: string): Prisma.QuestionWhereInput => ({
  authorId,
  OR: [{ status: { in: ['VISIBLE', 'HIDDEN'] } }, { answeredAt: { not: null }, status: { not: 'WITHDRAWN' } }],
});

/**
 * Why `actorId`'s question with `body` waits for review in the room `ctx` ([] = visible at once), for a new
 * question or an edit. Reads the author's questions that reached a room (at most N rows, any discussion) on
 * `client`.
 */
export async function holdReasons(
  client: Prisma.TransactionClient,
  actorId: string,
  ctx: Pick<RoomContext, 'isMod' | 'discussion'>,
  body: string,
): Promise<HoldReason[]> {
  if (ctx.isMod) return [];
  const reasons: HoldReason[] = [];
  if (ctx.discussion.moderationMode === 'PRE') reasons.push('pre_moderation');
  const tier = await getNewMemberHolds();
  if (tier > 0) {
    const earlier = await client.question.findMany({ where: reachedRoom(actorId), select: { id: true }, take: tier });
    if (earlier.length < tier) reasons.push('new_member');
  }
  if (await tripsWordFilter(body)) reasons.push('word_filter');
  return reasons;
}
