// Member reports of a question (issue 10 item 2): the categories, the input, and what each reporter is told once
// a facilitator reviewed it. Reports are anonymous to staff too: the console shows counts per category only.
import { z } from 'zod';
import { cleanText } from '../text/clean';

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

export const reportQuestionSchema = z
  .object({
    questionId: z.uuid({ error: 'Question ids are UUIDs.' }),
    category: z.enum(REPORT_CATEGORIES, { error: 'Choose what is wrong with this question.' }),
    note: z
      .string()
      .max(REPORT_NOTE_MAX * 4)
      .transform(cleanText)
      .pipe(z.string().max(REPORT_NOTE_MAX, `Keep the note under ${REPORT_NOTE_MAX} characters.`))
      .optional(),
  })
  .strict();
export type ReportQuestionInput = z.input<typeof reportQuestionSchema>;

/**
 * What the reporters are told once a facilitator reviewed a reported question: kept in the room (restored), taken
 * out (hidden, rejected, edited), or looked after privately by the facilitators (the care lane).
 */
export type ReportOutcome = 'kept' | 'removed' | 'cared_for';

/** The answer to a report: whether the question left the room at once (care lane, or hidden after N reports). */
export type ReportReceipt = { hidden: boolean };

/** Open reports of one question, per category (moderator views only; never who reported). */
export type ReportCounts = { total: number } & Partial<Record<ReportCategory, number>>;
