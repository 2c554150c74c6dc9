// The moderation bounds the console's dialogs show: no zod here (lib/moderation/schema.ts validates with them).

export const REASON_MAX = 500;
export const REDACTION_NOTE_MAX = 300;
/** Mute lengths a facilitator picks from; null mutes until the discussion ends. */
export const MUTE_MINUTES = [5, 15, 60] as const;
