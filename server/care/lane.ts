// The care lane's building blocks for the commands that route a question into it (ask, edit, resubmit, an "at
// risk" report): the care matcher over the community's list (cached per process, like the word filter), and
// opening a question's care item inside the change's transaction, audited as the system's action (no asker named,
// no text: F27, F28).
import type { CareSource } from '@/lib/care/views';
import { recordAudit } from '../audit/commands';
import { now } from '../clock';
import { getCareTerms } from '../community/queries';
import type { Prisma } from '../db/client';
import { processSingleton } from '../runtime';
import { type CareMatcher, careMatcher } from './match';

/** Another node's edit of the care list is seen within this time. */
const TERMS_TTL_MS = 5_000;

type Cached = { match: CareMatcher; readAt: number; version: number };
const state = () => processSingleton('care-matcher', () => ({ version: 0, cached: null as Cached | null }));

/** The admins changed the care word list: the next question is checked against the new list (server/community). */
export function careTermsChanged(): void {
  const s = state();
  s.version++;
  s.cached = null;
}

/** Whether a question's text contains a phrase of the care word list (server/care/match.ts). */
export async function matchesCareTerms(text: string): Promise<boolean> {
  const s = state();
  if (!s.cached || Date.now() - s.cached.readAt >= TERMS_TTL_MS) {
    const version = s.version;
    const cached = { match: careMatcher(await getCareTerms()), readAt: Date.now(), version };
    // Keep it unless the list changed while it was read (then the next question reads the new list).
    if (s.version !== version) return cached.match(text);
    s.cached = cached;
  }
  return s.cached.match(text);
}

/**
 * Opens the question's care item (or opens it again) in the caller's transaction. The question's status is the
 * caller's to set (CARE); the audit entry names no one and carries no text.
 */
export async function openCareItem(tx: Prisma.TransactionClient, q: { id: string; discussionId: string }, source: CareSource): Promise<void> {
  await tx.careItem.upsert({
    where: { questionId: q.id },
    create: { discussionId: q.discussionId, questionId: q.id, source },
    // Opened again (e.g. a member's "at risk" report on a published version): the asker is asked afresh.
    update: { source, outcome: null, closedAt: null, askerChoice: null, askerChoiceAt: null },
  });
  await recordAudit(tx, null, { action: 'care.opened', target: { type: 'question', id: q.id }, detail: { source } }, q.discussionId);
}

/**
 * The asker withdrew their question: its open care item closes as 'withdrawn' in the withdrawal's transaction (so
 * the care lane and the counts no longer hold it open, and nobody can publish it afterwards).
 */
export async function closeWithdrawnCareItem(tx: Prisma.TransactionClient, questionId: string): Promise<void> {
  await tx.careItem.updateMany({ where: { questionId, closedAt: null }, data: { outcome: 'withdrawn', closedAt: now() } });
}
