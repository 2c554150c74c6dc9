// What the care lane shows: crisis resources (admin-edited; defaults DEFAULT_CARE_RESOURCES in server/community/queries.ts). No Prisma.
import type { CareChoice } from './schema';

/** One place to get help: a crisis line, a chat, or the local emergency number. */
export type CareResourceView = { id: string; name: string; contact: string; region: string; description: string };

/** The care settings as read: `isDefault` marks the shipped defaults, which the community should check. */
export type CareResourceList = { resources: CareResourceView[]; isDefault: boolean };

/** Where a care item came from: the care word list, or a member's "someone may be at risk" report. */
export type CareSource = 'care_terms' | 'report';
/** How it closed: a facilitator kept it between the asker and the facilitators or published a safer version; or the asker withdrew it. */
export type CareOutcome = 'kept_private' | 'published' | 'withdrawn';

/** A question's care item as staff see it (moderator views only; never the audience's or an export's). */
export type CareInfo = {
  source: CareSource;
  outcome: CareOutcome | null;
  openedAt: string;
  closedAt: string | null;
  /** The asker's own words when a facilitator published another version (staff only). */
  originalBody: string | null;
  /** The asker's answer: a version without the details may be asked ('share_safer'), or 'keep_private'; null: not said yet. */
  askerChoice: CareChoice | null;
  askerChoiceAt: string | null;
};
