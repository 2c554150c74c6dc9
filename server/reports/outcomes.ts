// Telling reporters what happened (issue 10 item 2; SAFETY.md: "tell reporters the outcome"). When a facilitator
// reviews a reported question (restore → kept; hide, reject, redact → removed; a care item closed → cared for),
// the open reports are resolved in that action's transaction and each reporter gets a private notification and a
// `report:outcome` event — never the question's text, never who else reported.
import type { ReportOutcome } from '@/lib/reports/schema';
import type { Prisma } from '../db/client';
import { publishNotifications, storeNotifications } from '../notifications/commands';
import { publishToUser } from '../realtime/bus';

const MESSAGES: Record<ReportOutcome, string> = {
  kept: 'The facilitators looked at it and kept it in the room.',
  removed: 'The facilitators looked at it and took it out of the room or changed it.',
  cared_for: 'The facilitators are looking after it privately. Thank you for looking out for someone.',
};

export type ResolvedReports = {
  discussionId: string;
  questionId: string;
  outcome: ReportOutcome;
  message: string;
  reporterIds: string[];
  notifications: Awaited<ReturnType<typeof storeNotifications>>;
};

/** Resolves the question's open reports with `outcome` and stores each reporter's notification (in `tx`). */
export async function resolveReports(
  tx: Prisma.TransactionClient,
  q: { id: string; discussionId: string },
  outcome: ReportOutcome,
  discussionTitle: string,
): Promise<ResolvedReports | null> {
  const open = await tx.report.findMany({ where: { questionId: q.id, resolvedAt: null }, select: { reporterId: true } });
  if (!open.length) return null;
  await tx.report.updateMany({ where: { questionId: q.id, resolvedAt: null }, data: { outcome, resolvedAt: new Date() } });
  const message = `Thank you for your report about a question in “${discussionTitle}”. ${MESSAGES[outcome]}`;
  const reporterIds = [...new Set(open.map((r) => r.reporterId))];
  const notifications = await storeNotifications(
    tx,
    reporterIds.map((userId) => ({
      userId,
      type: 'report_outcome' as const,
      title: 'About the question you reported',
      body: message,
      link: `/discussions/${q.discussionId}/live`,
    })),
  );
  return { discussionId: q.discussionId, questionId: q.id, outcome, message, reporterIds, notifications };
}

/** After the commit: each reporter hears the outcome (bell and room). */
export async function publishReportOutcomes(resolved: ResolvedReports | null): Promise<void> {
  if (!resolved) return;
  await publishNotifications(resolved.notifications);
  for (const userId of resolved.reporterIds) {
    publishToUser(userId, 'report:outcome', {
      discussionId: resolved.discussionId,
      questionId: resolved.questionId,
      outcome: resolved.outcome,
      message: resolved.message,
    });
  }
}
