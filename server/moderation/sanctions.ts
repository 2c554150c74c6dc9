// Sanctions in one discussion: who a target names (a person, or the asker of a question: an anonymous asker is
// then known to staff by pseudonym only), and how a mute or removal reads for staff (SanctionView). Reads run on
// the caller's client; nothing here names an anonymous asker to anyone.
import type { ParticipantTarget } from '@/lib/moderation/schema';
import type { PersonRef, SanctionView } from '@/lib/moderation/views';
import { AppError } from '@/lib/result';
import type { Prisma } from '../db/client';
import { canModerate } from '../live/policy';
import { ensurePseudonym } from './pseudonyms';

/** A person a sanction is about, resolved on the server. `ref` and `audit` are what staff and the log may see. */
export type ResolvedTarget = {
  userId: string;
  viaQuestionId: string | null;
  ref: PersonRef;
  audit: { type: 'user' | 'question'; id: string };
  pseudonym: string | undefined;
};

/** Resolves a target in `discussionId`: a person by id, or a question's asker (by pseudonym when it is anonymous). */
export async function resolveTarget(client: Prisma.TransactionClient, discussionId: string, target: ParticipantTarget): Promise<ResolvedTarget> {
  if ('questionId' in target) {
    const q = await client.question.findUnique({
      where: { id: target.questionId },
      select: { discussionId: true, anonymous: true, authorId: true, author: { select: { displayName: true } } },
    });
    if (!q || q.discussionId !== discussionId) throw new AppError('not_found', 'That question is not in this discussion.');
    if (!q.anonymous) {
      return {
        userId: q.authorId,
        viaQuestionId: target.questionId,
        ref: { userId: q.authorId, name: q.author.displayName },
        audit: { type: 'user', id: q.authorId },
        pseudonym: undefined,
      };
    }
    const pseudonym = await ensurePseudonym(client, discussionId, q.authorId);
    return {
      userId: q.authorId,
      viaQuestionId: target.questionId,
      ref: { pseudonym, questionId: target.questionId },
      audit: { type: 'question', id: target.questionId },
      pseudonym,
    };
  }
  const u = await client.user.findUnique({ where: { id: target.userId }, select: { id: true, displayName: true } });
  if (!u) throw new AppError('not_found', 'That person is not here.');
  return { userId: u.id, viaQuestionId: null, ref: { userId: u.id, name: u.displayName }, audit: { type: 'user', id: u.id }, pseudonym: undefined };
}

/** Staff of the discussion (and admins) are not muted or removed from the console. */
export async function assertSanctionable(client: Prisma.TransactionClient, discussionId: string, userId: string): Promise<void> {
  const [user, staff] = await Promise.all([
    client.user.findUnique({ where: { id: userId }, select: { role: true } }),
    client.discussionStaff.findFirst({ where: { discussionId, userId }, select: { role: true } }),
  ]);
  if (user && canModerate({ id: userId, role: user.role }, staff?.role ?? null)) {
    throw new AppError('forbidden', 'Hosts, facilitators and admins cannot be muted or removed here. Please talk with them directly.');
  }
}

export const sanctionSelect = {
  id: true,
  kind: true,
  until: true,
  reason: true,
  createdAt: true,
  userId: true,
  viaQuestionId: true,
  user: { select: { displayName: true } },
  createdBy: { select: { displayName: true } },
} as const satisfies Prisma.SanctionSelect;
type SanctionRow = Prisma.SanctionGetPayload<{ select: typeof sanctionSelect }>;

/**
 * A sanction as staff see it. `anonymousVia`: the ids of questions in `pseudonyms` (question id → pseudonym)
 * asked anonymously; a sanction made through one of them names the pseudonym, never the person.
 */
export function sanctionView(row: SanctionRow, pseudonyms: ReadonlyMap<string, string>): SanctionView {
  const pseudonym = row.viaQuestionId ? pseudonyms.get(row.viaQuestionId) : undefined;
  return {
    id: row.id,
    kind: row.kind === 'MUTE' ? 'mute' : 'remove',
    target: row.viaQuestionId && pseudonym ? { pseudonym, questionId: row.viaQuestionId } : { userId: row.userId, name: row.user.displayName },
    until: row.until?.toISOString() ?? null,
    reason: row.reason,
    byName: row.createdBy?.displayName ?? null,
    at: row.createdAt.toISOString(),
  };
}

/** Question id → pseudonym for the anonymous questions sanctions were made through (one discussion). */
export async function pseudonymsOfQuestions(client: Prisma.TransactionClient, questionIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(questionIds)];
  if (!ids.length) return new Map();
  const qs = await client.question.findMany({ where: { id: { in: ids }, anonymous: true }, select: { id: true, discussionId: true, authorId: true } });
  if (!qs.length) return new Map();
  const names = await client.pseudonym.findMany({
    where: { OR: qs.map((q) => ({ discussionId: q.discussionId, userId: q.authorId })) },
    select: { discussionId: true, userId: true, name: true },
  });
  const byPerson = new Map(names.map((n) => [`${n.discussionId}:${n.userId}`, n.name]));
  return new Map(qs.map((q) => [q.id, byPerson.get(`${q.discussionId}:${q.authorId}`) ?? 'Anonymous']));
}
