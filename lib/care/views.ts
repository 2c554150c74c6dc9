// What the care lane shows: crisis resources (admin-edited, defaults in server/care/settings.ts). No Prisma.

/** One place to get help: a crisis line, a chat, or the local emergency number. */
export type CareResourceView = { id: string; name: string; contact: string; region: string; description: string };

/** The care settings as read: `isDefault` marks the shipped defaults, which the community should check. */
export type CareResourceList = { resources: CareResourceView[]; isDefault: boolean };

/** Where a care item came from: the care word list, or a member's "someone may be at risk" report. */
export type CareSource = 'care_terms' | 'report';
/** How a facilitator closed it: kept between the asker and the facilitators, or a safer version published. */
export type CareOutcome = 'kept_private' | 'published';

/** A question's care item as staff see it (moderator views only; never the audience's or an export's). */
export type CareInfo = {
  source: CareSource;
  outcome: CareOutcome | null;
  openedAt: string;
  closedAt: string | null;
  /** The asker's own words when a facilitator published another version (staff only). */
  originalBody: string | null;
};
