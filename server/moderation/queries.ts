// The console's state after joining a room as a moderator (`moderation:state`): the sanctions in force, the
// reasons to pick from, and the latest actions in this discussion from the audit log. Anonymous askers appear by
// pseudonym only.
import { moderationStateSchema } from '@/lib/moderation/schema';
import type { ModerationAction, ModerationFeedItem, ModerationState, PersonRef } from '@/lib/moderation/views';
import type { Actor } from '../auth/actor';
import { now } from '../clock';
import { listReasonTemplates } from '../community/queries';
import { db } from '../db/client';
import { spendBudget } from '../live/budgets';
import { assertModerator, loadRoom } from '../live/context';
import { pseudonymsOfQuestions, sanctionSelect, sanctionView } from './sanctions';

const FEED_SIZE = 50;

/** Audit actions as the console's feed names them. */
const FEED_ACTIONS: Record<string, ModerationAction> = {
  'question.approved': 'approved',
  'question.rejected': 'rejected',
  'question.hidden': 'hidden',
  'question.restored': 'restored',
  'question.redacted': 'redacted',
  'question.merged': 'merged',
  'question.queued': 'queued',
  'question.highlighted': 'highlighted',
  'question.answered': 'answered',
  'question.unanswered': 'unanswered',
  'question.claimed': 'claimed',
  'question.released': 'released',
  'question.author_revealed': 'revealed',
  'participant.muted': 'muted',
  'participant.unmuted': 'unmuted',
  'participant.removed': 'removed',
  // A community ban made from this discussion's console (banUser records the discussion).
  'user.banned': 'banned',
  'care.opened': 'care_opened',
  'care.published': 'care_published',
  'care.kept_private': 'care_kept_private',
  'question.replied_privately': 'replied_privately',
  'question.auto_hidden': 'auto_hidden',
};

/** Entries about a person (sanctions and bans): their target is a person, by name or through a question. */
const aboutPerson = (action: string) => action.startsWith('participant.') || action === 'user.banned';

export async function getModerationState(actor: Actor, raw: unknown): Promise<ModerationState> {
  const { discussionId } = moderationStateSchema.parse(raw);
  await spendBudget('moderationState', actor.id);
  const ctx = await loadRoom(actor, discussionId);
  assertModerator(ctx);
  const [sanctions, templates, entries] = await Promise.all([
    db().sanction.findMany({
      where: { discussionId, liftedAt: null, OR: [{ kind: 'REMOVE' }, { until: null }, { until: { gt: now() } }] },
      orderBy: { createdAt: 'desc' },
      select: sanctionSelect,
    }),
    listReasonTemplates(),
    db().auditEntry.findMany({
      where: { discussionId, action: { in: Object.keys(FEED_ACTIONS) } },
      orderBy: { at: 'desc' },
      take: FEED_SIZE,
      select: { action: true, targetType: true, targetId: true, reason: true, at: true, actorId: true, actor: { select: { displayName: true } } },
    }),
  ]);
  const questionIds = [
    ...sanctions.flatMap((s) => (s.viaQuestionId ? [s.viaQuestionId] : [])),
    ...entries.flatMap((e) => (aboutPerson(e.action) && e.targetType === 'question' ? [e.targetId] : [])),
  ];
  const pseudonyms = await pseudonymsOfQuestions(db(), questionIds);
  const userIds = entries.flatMap((e) => (aboutPerson(e.action) && e.targetType === 'user' ? [e.targetId] : []));
  const names = new Map(
    (await db().user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  );
  const feed = entries.map((e): ModerationFeedItem => {
    let target: PersonRef | null = null;
    if (aboutPerson(e.action)) {
      target =
        e.targetType === 'question'
          ? { pseudonym: pseudonyms.get(e.targetId) ?? 'Anonymous', questionId: e.targetId }
          : { userId: e.targetId, name: names.get(e.targetId) ?? 'Someone' };
    }
    return {
      action: FEED_ACTIONS[e.action],
      actorId: e.actorId,
      actorName: e.actor?.displayName ?? null,
      questionId: e.targetType === 'question' ? e.targetId : null,
      target,
      reason: e.reason,
      at: e.at.toISOString(),
    };
  });
  return { sanctions: sanctions.map((s) => sanctionView(s, pseudonyms)), templates, feed };
}
