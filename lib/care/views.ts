// What the care lane shows: crisis resources (admin-edited, defaults in server/care/settings.ts). No Prisma.

/** One place to get help: a crisis line, a chat, or the local emergency number. */
export type CareResourceView = { id: string; name: string; contact: string; region: string; description: string };

/** The care settings as read: `isDefault` marks the shipped defaults, which the community should check. */
export type CareResourceList = { resources: CareResourceView[]; isDefault: boolean };
