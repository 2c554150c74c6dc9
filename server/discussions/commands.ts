// Discussion use cases: schedule (one discussion or a series), edit one occurrence, cancel. Each checks
// policy, writes in one transaction (with the notifications it causes), then publishes after commit.
import { type CreateDiscussion, cancelDiscussionSchema, createDiscussionSchema, updateDiscussionSchema } from '@/lib/discussions/schema';
import type { NotificationType } from '@/lib/notifications/schema';
import { AppError } from '@/lib/result';
import { seriesOccurrences, seriesRule } from '@/lib/time/recurrence';
import { describeInZone, type Resolved, resolveLocal } from '@/lib/time/zoned';
import type { Actor } from '../auth/actor';
import { db, type Prisma } from '../db/client';
import { publishNotifications, storeNotifications } from '../notifications/commands';
import { announceRightsChanged, leaveModerators, moveOutOfModerators } from '../realtime/bus';
import { fillSeats, lockDiscussion, RSVP_TX_OPTIONS } from '../rsvp/commands';
import { canCancelDiscussion, canCreateDiscussion, canEditDiscussion, FACILITATOR_ROLES, HOST_ROLES } from './policy';

type Tx = Prisma.TransactionClient;
type People = Pick<CreateDiscussion, 'hostIds' | 'facilitatorIds' | 'modalityIds' | 'articleIds'>;

/** Checks that hosts are elders/admins, facilitators may facilitate, and linked items exist. */
async function checkReferences(tx: Tx, input: People) {
  const facilitatorIds = input.facilitatorIds.filter((id) => !input.hostIds.includes(id));
  const users = await tx.user.findMany({
    where: { id: { in: [...input.hostIds, ...facilitatorIds] }, bannedAt: null },
    select: { id: true, role: true },
  });
  const role = new Map(users.map((u) => [u.id, u.role]));
  // An unknown or banned id has no role here, so it is refused like a wrong role.
  const hasRole = (id: string, allowed: readonly string[]) => allowed.some((r) => r === role.get(id));
  if (input.hostIds.some((id) => !hasRole(id, HOST_ROLES))) {
    throw new AppError('validation_error', 'Hosts must be elders or admins.', { hostIds: 'Hosts must be elders or admins.' });
  }
  if (facilitatorIds.some((id) => !hasRole(id, FACILITATOR_ROLES))) {
    throw new AppError('validation_error', 'Facilitators must be facilitators, elders or admins.', { facilitatorIds: 'Choose facilitators from the list.' });
  }
  const modalities = await tx.modality.count({ where: { id: { in: input.modalityIds } } });
  const articles = await tx.article.count({ where: { id: { in: input.articleIds } } });
  if (modalities !== input.modalityIds.length)
    throw new AppError('validation_error', 'A chosen modality no longer exists.', { modalityIds: 'Choose modalities from the list.' });
  if (articles !== input.articleIds.length)
    throw new AppError('validation_error', 'A chosen article no longer exists.', { articleIds: 'Choose articles from the list.' });
  return { facilitatorIds };
}

function relations(input: People, facilitatorIds: string[]) {
  return {
    staff: {
      create: [
        ...input.hostIds.map((userId) => ({ userId, role: 'HOST' as const })),
        ...facilitatorIds.map((userId) => ({ userId, role: 'FACILITATOR' as const })),
      ],
    },
    modalities: { create: input.modalityIds.map((modalityId) => ({ modalityId })) },
    articles: { create: input.articleIds.map((articleId) => ({ articleId })) },
  };
}

function mustBeFuture(r: Resolved, now: Date) {
  if (r.startsAt.getTime() <= now.getTime()) {
    throw new AppError('validation_error', 'Choose a start time in the future.', { localStart: 'Choose a start time in the future.' });
  }
}

export type Scheduled = { id: string; seriesId: string | null; occurrences: number; firstStart: Resolved };

/** Schedules a discussion, or a series of them (each occurrence its own row with seriesId/seriesIndex). */
type DiscussionInput = Pick<
  CreateDiscussion,
  | 'title'
  | 'description'
  | 'timeZone'
  | 'durationMinutes'
  | 'capacity'
  | 'visibility'
  | 'moderationMode'
  | 'anonymousDefault'
  | 'agreementText'
  | 'contentWarnings'
  | 'externalLink'
>;

/** The columns a discussion takes from the form, for one occurrence's start (create and edit alike). */
function discussionFields(input: DiscussionInput, at: { startsAt: Date; localStart: string }) {
  return {
    title: input.title,
    description: input.description,
    startsAt: at.startsAt,
    timeZone: input.timeZone,
    localStart: at.localStart,
    durationMinutes: input.durationMinutes,
    capacity: input.capacity,
    visibility: input.visibility,
    moderationMode: input.moderationMode,
    anonymousDefault: input.anonymousDefault,
    agreementText: input.agreementText,
    contentWarnings: input.contentWarnings.join(','),
    externalLink: input.externalLink,
  };
}

export async function createDiscussion(actor: Actor, raw: unknown, now = new Date()): Promise<Scheduled> {
  if (!canCreateDiscussion(actor)) throw new AppError('forbidden', 'Only elders and admins can schedule discussions.');
  const input = createDiscussionSchema.parse(raw);
  const occurrences =
    input.recurrence === 'NONE'
      ? [resolveLocal(input.localStart, input.timeZone)]
      : seriesOccurrences(input.localStart, input.timeZone, input.recurrence, input.occurrences);
  mustBeFuture(occurrences[0], now);

  return db().$transaction(async (tx) => {
    const { facilitatorIds } = await checkReferences(tx, input);
    let seriesId: string | null = null;
    if (input.recurrence !== 'NONE') {
      const series = await tx.series.create({
        data: {
          frequency: input.recurrence,
          rrule: seriesRule(input.localStart, input.timeZone, input.recurrence, input.occurrences),
          timeZone: input.timeZone,
          localTime: input.localStart.slice(11, 16),
          createdById: actor.id,
        },
      });
      seriesId = series.id;
    }
    const ids: string[] = [];
    for (const [index, occ] of occurrences.entries()) {
      const row = await tx.discussion.create({
        data: {
          ...discussionFields(input, occ),
          seriesId,
          seriesIndex: seriesId ? index : null,
          createdById: actor.id,
          ...relations(input, facilitatorIds),
        },
        select: { id: true },
      });
      ids.push(row.id);
    }
    return { id: ids[0], seriesId, occurrences: ids.length, firstStart: occurrences[0] };
  }, RSVP_TX_OPTIONS);
}

async function loadForEdit(tx: Tx, actor: Actor, id: string) {
  const d = await tx.discussion.findUnique({ where: { id }, include: { staff: { select: { userId: true, role: true } } } });
  if (!d) throw new AppError('not_found', 'That discussion does not exist.');
  if (!canEditDiscussion(actor, d)) throw new AppError('forbidden', 'Only its hosts and admins can change this discussion.');
  return d;
}

/** Everyone with a seat or a waitlist place, except the person making the change. */
async function rsvpedRecipients(tx: Tx, discussionId: string, exceptUserId: string) {
  return tx.rsvp.findMany({
    where: { discussionId, status: { in: ['GOING', 'WAITLISTED'] }, userId: { not: exceptUserId } },
    select: { userId: true, user: { select: { timeZone: true } } },
  });
}

type StaffRow = { userId: string; role: string };
/** Who left the staff of a discussion, and who joined it or changed role (their clients re-join either way). */
function staffChangesOf(before: StaffRow[], after: StaffRow[]) {
  const now = new Map(after.map((r) => [r.userId, r.role]));
  const was = new Map(before.map((r) => [r.userId, r.role]));
  return {
    removed: before.filter((r) => !now.has(r.userId)).map((r) => r.userId),
    changed: after.filter((r) => was.get(r.userId) !== r.role).map((r) => r.userId),
  };
}

/** Edits one discussion: for a series, only this occurrence; its siblings are untouched. */
export async function updateDiscussion(actor: Actor, raw: unknown, now = new Date()): Promise<{ id: string; changed: string[] }> {
  const input = updateDiscussionSchema.parse(raw);
  const resolved = resolveLocal(input.localStart, input.timeZone);
  // Staff who left the moderators' room before the commit; if the change fails, they re-join with their rights.
  let leftEarly: string[] = [];
  const { changed, notes, staffChanges } = await db()
    .$transaction(async (tx) => {
      await lockDiscussion(tx, input.id);
      const before = await loadForEdit(tx, actor, input.id);
      if (before.status === 'CANCELLED' || before.status === 'ENDED') {
        throw new AppError('conflict', `This discussion has ${before.status === 'ENDED' ? 'ended' : 'been cancelled'} and can no longer be changed.`);
      }
      const timeChanged = before.startsAt.getTime() !== resolved.startsAt.getTime();
      if (timeChanged) mustBeFuture(resolved, now);
      const { facilitatorIds } = await checkReferences(tx, input);

      const changed: string[] = [];
      if (timeChanged || before.timeZone !== input.timeZone) changed.push('time');
      if (before.durationMinutes !== input.durationMinutes) changed.push('duration');
      if (before.title !== input.title) changed.push('title');
      if ((before.externalLink ?? null) !== input.externalLink) changed.push('link');

      await tx.discussionStaff.deleteMany({ where: { discussionId: input.id } });
      await tx.discussionModality.deleteMany({ where: { discussionId: input.id } });
      await tx.discussionArticle.deleteMany({ where: { discussionId: input.id } });
      await tx.discussion.update({
        where: { id: input.id },
        data: {
          ...discussionFields(input, resolved),
          ...relations(input, facilitatorIds),
        },
      });

      const after = await tx.discussionStaff.findMany({ where: { discussionId: input.id }, select: { userId: true, role: true } });
      const staffChanges = staffChangesOf(before.staff, after);
      // Out of the moderators' room before the commit: no moderator frame reaches them while it completes.
      for (const userId of staffChanges.removed) leaveModerators(userId, input.id);
      leftEarly = staffChanges.removed;

      // More seats (or no limit any more) go to the waitlist straight away.
      const promoted = await fillSeats(tx, input.id, now);
      const promotedUsers = new Set(promoted.map((p) => p.userId));
      let notes = promoted;
      if (changed.length) {
        const recipients = (await rsvpedRecipients(tx, input.id, actor.id)).filter((r) => !promotedUsers.has(r.userId));
        notes = notes.concat(
          await storeNotifications(
            tx,
            recipients.map((r) => ({
              userId: r.userId,
              type: 'discussion_changed' as NotificationType,
              title: `Changed: ${input.title}`,
              body: changed.includes('time') ? `New time: ${describeInZone(resolved.startsAt, r.user.timeZone)}.` : `Changed: ${changed.join(', ')}.`,
              link: `/discussions/${input.id}`,
            })),
          ),
        );
      }
      return { changed, notes, staffChanges };
    }, RSVP_TX_OPTIONS)
    .catch((err: unknown) => {
      for (const userId of leftEarly) announceRightsChanged(userId, input.id);
      throw err;
    });
  // Before anything else is published: someone no longer staff must not get one more moderator frame.
  for (const userId of staffChanges.removed) moveOutOfModerators(userId, input.id);
  for (const userId of staffChanges.changed) announceRightsChanged(userId, input.id);
  await publishNotifications(notes);
  return { id: input.id, changed };
}

/** Cancels one discussion (one occurrence of a series). RSVPs stay, so calendars show it as cancelled. */
export async function cancelDiscussion(actor: Actor, raw: unknown, now = new Date()): Promise<{ id: string }> {
  const input = cancelDiscussionSchema.parse(raw);
  const notes = await db().$transaction(async (tx) => {
    await lockDiscussion(tx, input.id);
    const d = await loadForEdit(tx, actor, input.id);
    if (!canCancelDiscussion(actor, d)) throw new AppError('conflict', 'This discussion has already ended or been cancelled.');
    await tx.discussion.update({ where: { id: d.id }, data: { status: 'CANCELLED', cancelledAt: now, cancelReason: input.reason || null } });
    const recipients = await rsvpedRecipients(tx, d.id, actor.id);
    return storeNotifications(
      tx,
      recipients.map((r) => ({
        userId: r.userId,
        type: 'discussion_cancelled' as NotificationType,
        title: `Cancelled: ${d.title}`,
        body: `The discussion on ${describeInZone(d.startsAt, r.user.timeZone)} will not take place.${input.reason ? ` Reason: ${input.reason}` : ''}`,
        link: `/discussions/${d.id}`,
      })),
    );
  }, RSVP_TX_OPTIONS);
  await publishNotifications(notes);
  return { id: input.id };
}
