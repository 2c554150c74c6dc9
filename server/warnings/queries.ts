// The reader's side of content warnings: whether this person chose to always see the text behind them.
import type { Actor } from '../auth/actor';
import { db } from '../db/client';

/** The profile setting "Always show content behind warnings" (User.showWarnedContent). */
export async function showsWarnedContent(actor: Pick<Actor, 'id'>): Promise<boolean> {
  const u = await db().user.findUnique({ where: { id: actor.id }, select: { showWarnedContent: true } });
  return u?.showWarnedContent ?? false;
}
