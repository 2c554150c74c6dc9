// The question bounds and content warnings the room's UI needs too: no zod here, so client components that show
// them do not pull the schema library into the page (lib/questions/schema.ts validates with them).

export const QUESTION_MAX = 500;
export const REPLY_MAX = 500;
export const CONTENT_WARNINGS = ['trauma', 'self-harm', 'substance use', 'grief', 'abuse', 'medical'] as const;
