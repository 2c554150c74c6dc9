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
    if (!q) throw new AppError('not_found', 'That question is no longer there.');
    // A question of another discussion: its staff act on it there, nobody from here.
    if (q.discussionId !== discussionId) throw new AppError('forbidden', 'You can only act on people through the questions of this discussion.');
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

/**
 * Staff of the discussion (and admins) are not muted or removed from the console. The message is neutral: through
 * an anonymous question it must not say that the asker is staff.
 */
export async function assertSanctionable(client: Prisma.TransactionClient, discussionId: string, userId: string): Promise<void> {
  const [user, staff] = await Promise.all([
    client.user.findUnique({ where: { id: userId }, select: { role: true } }),
    client.discussionStaff.findFirst({ where: { discussionId, userId }, select: { role: true } }),
  ]);
  if (user && canModerate({ id: userId, role: user.role }, staff?.role ?? null)) {
    throw new AppError('forbidden', 'This person cannot be muted or removed here.');
  }
}

/**
 * The sanctions an action through `t` may see and change. Two lanes that never touch: through an anonymous
 * question, only those made through one of that person's anonymous questions in this discussion (the
 * pseudonym's); by person (or through a named question), only the others. So acting by user id neither lifts
 * nor reveals a mute made through a pseudonym, and answers the same whether one exists or not.
 */
export async function laneOf(client: Prisma.TransactionClient, discussionId: string, t: ResolvedTarget): Promise<Prisma.SanctionWhereInput> {
  const anonymous = await client.question.findMany({ where: { discussionId, authorId: t.userId, anonymous: true }, select: { id: true } });
  const ids = anonymous.map((q) => q.id);
  return t.pseudonym ? { viaQuestionId: { in: ids } } : { OR: [{ viaQuestionId: null }, { viaQuestionId: { notIn: ids } }] };
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

/** Question id → the pseudonym of its asker when it is anonymous, null when it is named (pseudonymsOfQuestions). */
export type ViaQuestions = ReadonlyMap<string, string | null>;

/**
 * A sanction as staff see it. One made through a question names the person only when `via` says that question
 * is named (null); through an anonymous question — or one `via` does not know — it shows the pseudonym, or
 * "Anonymous", never the person.
 */
export function sanctionView(row: SanctionRow, via: ViaQuestions): SanctionView {
  const pseudonym = row.viaQuestionId ? via.get(row.viaQuestionId) : null;
  return {
    id: row.id,
    kind: row.kind === 'MUTE' ? 'mute' : 'remove',
    target:
      row.viaQuestionId && pseudonym !== null
        ? { pseudonym: pseudonym ?? 'Anonymous', questionId: row.viaQuestionId }
        : { userId: row.userId, name: row.user.displayName },
    until: row.until?.toISOString() ?? null,
    reason: row.reason,
    byName: row.createdBy?.displayName ?? null,
    at: row.createdAt.toISOString(),
  };
}

/** Question id → its asker's pseudonym when anonymous ("Anonymous" if none is stored), null when named (ViaQuestions). */
export async function pseudonymsOfQuestions(client: Prisma.TransactionClient, questionIds: readonly string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(questionIds)];
  if (!ids.length) return new Map();
  const qs = await client.question.findMany({ where: { id: { in: ids } }, select: { id: true, anonymous: true, discussionId: true, authorId: true } });
  const anonymous = qs.filter((q) => q.anonymous);
  const names = anonymous.length
    ? await client.pseudonym.findMany({
        where: { OR: anonymous.map((q) => ({ discussionId: q.discussionId, userId: q.authorId })) },
        select: { discussionId: true, userId: true, name: true },
      })
    : [];
  const byPerson = new Map(names.map((n) => [`${n.discussionId}:${n.userId}`, n.name]));
  return new Map(qs.map((q) => [q.id, q.anonymous ? (byPerson.get(`${q.discussionId}:${q.authorId}`) ?? 'Anonymous') : null]));
}
