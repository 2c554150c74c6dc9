// What the discussion queries hand to pages and components: plain data, no Prisma types.
import type { RoomPhase } from '../live/phase';
import type { DiscussionStatus } from './schema';

export type PersonRef = { id: string; displayName: string };

/** One discussion in a list (server/discussions/queries.ts listDiscussions and friends). */
export type DiscussionCard = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  durationMinutes: number;
  status: DiscussionStatus;
  phase: RoomPhase;
  visibility: 'PUBLIC' | 'MEMBERS';
  capacity: number | null;
  going: number;
  hosts: PersonRef[];
  modalities: { slug: string; name: string }[];
  seriesId: string | null;
  myRsvp: 'GOING' | 'WAITLISTED' | null;
  /** In a list that shows each series once: how many later occurrences are folded into this card. */
  moreInSeries: number;
  seriesFrequency: string | null;
};
