// The backchannel message bound the console's composer shows: no zod here (lib/backchannel/schema.ts validates with it).

export const STAFF_MESSAGE_MAX = 1000;
