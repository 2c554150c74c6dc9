// What a member can report a question for, and the note's bound: no zod here, so the report dialog and the console
// show them without pulling the schema library into the page (lib/reports/schema.ts validates with them).

export const REPORT_CATEGORIES = ['off_topic', 'disrespectful', 'private_information', 'spam', 'at_risk'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** How a member picks a category (the report dialog) and how the console names the counts. */
export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  off_topic: 'Off-topic',
  disrespectful: 'Disrespectful',
  private_information: 'Shares someone’s private information',
  spam: 'Spam',
  at_risk: 'Someone may be at risk',
};

export const REPORT_NOTE_MAX = 300;
