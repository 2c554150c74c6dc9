// The facilitator console's own state beside the room model (components/live/room-reducer.ts holds the
// questions): sanctions, reason templates and the feed, plus the lists each tab shows. Pure, unit-tested.
import type { QuestionView } from '@/lib/live/views';
import type { HoldReason, ParticipantTarget } from '@/lib/moderation/schema';
import type { ModerationEvent, ModerationFeedItem, ModerationState, PersonRef, ReasonTemplateView, SanctionView } from '@/lib/moderation/views';

export type ConsoleModel = { loaded: boolean; sanctions: SanctionView[]; templates: ReasonTemplateView[]; feed: ModerationFeedItem[] };

export type ConsoleAction =
  | { type: 'state'; state: ModerationState }
  | { type: 'event'; event: ModerationEvent }
  /** Our own mute or removal, from its ack (the broadcast may come later, or first). */
  | { type: 'sanction'; sanction: SanctionView }
  /** Our own unmute, from its ack. */
  | { type: 'lifted'; target: ParticipantTarget };

export const emptyConsole: ConsoleModel = { loaded: false, sanctions: [], templates: [], feed: [] };

const FEED_MAX = 100;

const feedKey = (i: ModerationFeedItem) => `${i.at}|${i.action}|${i.questionId ?? ''}|${i.actorId ?? ''}`;

/** Does this person reference name the target (by user id, or by the question they were named through)? */
export function sameTarget(ref: PersonRef, target: ParticipantTarget): boolean {
  return 'userId' in target ? 'userId' in ref && ref.userId === target.userId : 'questionId' in ref && ref.questionId === target.questionId;
}

/** The target to send for a person a sanction names. */
export function targetOf(ref: PersonRef): ParticipantTarget {
  return 'userId' in ref ? { userId: ref.userId } : { questionId: ref.questionId };
}

/** A person as staff may name them: by name, or by pseudonym (never a name) for an anonymous asker. */
export function personLabel(ref: PersonRef): string {
  return 'name' in ref ? ref.name : ref.pseudonym;
}

function upsertSanction(list: SanctionView[], s: SanctionView): SanctionView[] {
  return [s, ...list.filter((x) => x.id !== s.id)];
}

export function consoleReducer(m: ConsoleModel, a: ConsoleAction): ConsoleModel {
  switch (a.type) {
    case 'state': {
      // Lines that arrived while the state was on its way stay (de-duplicated), newest first.
      const seen = new Set(a.state.feed.map(feedKey));
      const feed = [...m.feed.filter((i) => !seen.has(feedKey(i))), ...a.state.feed].sort((x, y) => y.at.localeCompare(x.at)).slice(0, FEED_MAX);
      return { loaded: true, sanctions: a.state.sanctions, templates: a.state.templates, feed };
    }
    case 'event': {
      const { item, sanction } = a.event;
      const feed = m.feed.some((i) => feedKey(i) === feedKey(item)) ? m.feed : [item, ...m.feed].slice(0, FEED_MAX);
      let sanctions = m.sanctions;
      const lifted = item.target;
      if (item.action === 'unmuted') {
        if (sanction) sanctions = sanctions.filter((s) => s.id !== sanction.id);
        else if (lifted) sanctions = sanctions.filter((s) => !(s.kind === 'mute' && sameTarget(s.target, targetOf(lifted))));
      } else if (sanction) sanctions = upsertSanction(sanctions, sanction);
      return { ...m, feed, sanctions };
    }
    case 'sanction':
      return { ...m, sanctions: upsertSanction(m.sanctions, a.sanction) };
    case 'lifted':
      return { ...m, sanctions: m.sanctions.filter((s) => !(s.kind === 'mute' && sameTarget(s.target, a.target))) };
  }
}

/** Sanctions still in force at `now` (the server's clock): removals, and mutes that have not run out. */
export function activeSanctions(m: ConsoleModel, now: Date): SanctionView[] {
  return m.sanctions.filter((s) => s.kind === 'remove' || s.until === null || new Date(s.until).getTime() > now.getTime());
}

export type ConsoleTab = 'queue' | 'live' | 'answered' | 'closed';

export const TAB_LABELS: Record<ConsoleTab, string> = { queue: 'Queue', live: 'Live', answered: 'Answered', closed: 'Hidden/Rejected' };

export const HOLD_LABELS: Record<HoldReason, string> = { pre_moderation: 'Pre-moderated', new_member: 'New member', word_filter: 'Word filter' };

/**
 * What a tab lists. Queue: held questions, oldest first. Live: approved and open, the "up next" order on top,
 * then the rest by votes. Answered: most recently answered first. Hidden/Rejected: hidden, rejected and merged.
 */
export function tabItems(questions: Iterable<QuestionView>, tab: ConsoleTab): QuestionView[] {
  const all = [...questions];
  const byAge = (a: QuestionView, b: QuestionView) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  switch (tab) {
    case 'queue':
      return all.filter((q) => q.status === 'PENDING').sort(byAge);
    case 'live':
      return all
        .filter((q) => q.status === 'VISIBLE' && !q.answeredAt)
        .sort((a, b) => {
          if (a.queuePosition !== null || b.queuePosition !== null) {
            if (a.queuePosition === null) return 1;
            if (b.queuePosition === null) return -1;
            if (a.queuePosition !== b.queuePosition) return a.queuePosition - b.queuePosition;
          }
          return b.votes - a.votes || byAge(a, b);
        });
    case 'answered':
      return all.filter((q) => q.status === 'VISIBLE' && q.answeredAt).sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''));
    case 'closed':
      return all.filter((q) => q.status === 'HIDDEN' || q.status === 'REJECTED' || q.status === 'MERGED').sort((a, b) => byAge(b, a));
  }
}

/** The "up next" questions in their order. */
export function upNext(questions: Iterable<QuestionView>): QuestionView[] {
  return tabItems(questions, 'live').filter((q) => q.queuePosition !== null);
}

/** The next question to highlight (`n`): the first of "up next" that is not the one highlighted now. */
export function nextToHighlight(questions: Iterable<QuestionView>, highlighted: string | null): QuestionView | null {
  return upNext(questions).find((q) => q.id !== highlighted) ?? null;
}

const VERB: Partial<Record<QuestionView['status'], string>> = { VISIBLE: 'approved', REJECTED: 'rejected', HIDDEN: 'hid', MERGED: 'merged' };

/**
 * A kind line for a conflict: who acted on the question first, from the feed when it already tells, else from
 * the question's state ("Sam already rejected this question.").
 */
export function conflictMessage(current: QuestionView | null, feed: ModerationFeedItem[], meId: string, questionId: string): string {
  const last = feed.find((i) => i.questionId === questionId && i.actorId !== meId);
  if (last?.actorName) return `${last.actorName} already ${last.action} this question. Here it is as it is now.`;
  const verb = current ? VERB[current.status] : undefined;
  if (verb) return `Another facilitator already ${verb} this question. Here it is as it is now.`;
  return 'Another facilitator acted on this question first. Here it is as it is now.';
}
