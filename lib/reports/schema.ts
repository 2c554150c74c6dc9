// Member reports of a question (issue 10 item 2): the categories, the input, and what each reporter is told once
// a facilitator reviewed it. Reports are anonymous to staff too: the console shows counts per category and the
// newest notes, never who reported.
import { z } from 'zod';
import { cleanText } from '../text/clean';
import { REPORT_CATEGORIES, REPORT_NOTE_MAX, type ReportCategory } from './categories';

export { REPORT_NOTE_MAX, type ReportCategory };

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
 * What the reporters are told once a reported question was reviewed: kept in the room (restored, or merged into a
 * similar question), taken out (hidden, rejected, edited), withdrawn by its author, or looked after privately by
 * the facilitators (the care lane: told only to those who reported "someone may be at risk"; everyone else hears
 * "removed", so no report outcome says that someone wrote words of distress: F28).
 */
export type ReportOutcome = 'kept' | 'removed' | 'withdrawn' | 'cared_for';

/** The answer to a report: whether the question left the room at once (care lane, or hidden after N reports). */
export type ReportReceipt = { hidden: boolean };

/** How many of a question's report notes the console shows: the newest. */
export const REPORT_NOTES_SHOWN = 5;

/** A reporter's note as staff read it: the category it came with, never who wrote it. */
type ReportNote = { category: ReportCategory; text: string };

/**
 * Open reports of one question (moderator views only; never who reported): how many, per category, and the
 * newest notes (at most REPORT_NOTES_SHOWN, newest first).
 */
export type ReportSummary = { total: number; notes: ReportNote[] } & Partial<Record<ReportCategory, number>>;
