// Telling reporters what happened (issue 10 item 2; SAFETY.md: "tell reporters the outcome"). When a reported
// question is reviewed (restore, merge → kept; hide, reject, redact → removed; a care item closed → cared for) or
// withdrawn by its author, the open reports are resolved in that change's transaction and each reporter gets a
// private notification and a `report:outcome` event — never the question's text, never who else reported.
import type { ReportOutcome } from '@/lib/reports/schema';
import type { Prisma } from '../db/client';
import { publishNotifications, storeNotifications } from '../notifications/commands';
import { publishToUser } from '../realtime/bus';

const MESSAGES: Record<ReportOutcome, string> = {
  kept: 'The facilitators looked at it and kept it in the room.',
  removed: 'The facilitators looked at it and took it out of the room or changed it.',
  withdrawn: 'The person who asked it withdrew it, so it has left the room.',
  cared_for: 'The facilitators are looking after it privately. Thank you for looking out for someone.',
};

/**
 * What one report's author is told. "Cared for" says that the asker wrote words of distress, so only someone who
 * reported "someone may be at risk" (and so said as much themselves) hears it; every other reporter of the
 * question hears what an ordinary removal says (F28: the care lane reaches no one else, not through an outcome).
 */
const outcomeFor = (category: string, outcome: ReportOutcome): ReportOutcome => (outcome === 'cared_for' && category !== 'at_risk' ? 'removed' : outcome);

export type ResolvedReports = {
  discussionId: string;
  questionId: string;
  told: { userId: string; outcome: ReportOutcome; message: string }[];
  notifications: Awaited<ReturnType<typeof storeNotifications>>;
};

/** Resolves the question's open reports with `outcome` (per report: outcomeFor) and stores each reporter's notification (in `tx`). */
export async function resolveReports(
  tx: Prisma.TransactionClient,
  q: { id: string; discussionId: string },
  outcome: ReportOutcome,
  discussionTitle: string,
): Promise<ResolvedReports | null> {
  const open = await tx.report.findMany({ where: { questionId: q.id, resolvedAt: null }, select: { id: true, reporterId: true, category: true } });
  if (!open.length) return null;
  const at = new Date();
  const told: ResolvedReports['told'] = [];
  for (const each of new Set(open.map((r) => outcomeFor(r.category, outcome)))) {
    const mine = open.filter((r) => outcomeFor(r.category, outcome) === each);
    await tx.report.updateMany({ where: { id: { in: mine.map((r) => r.id) }, resolvedAt: null }, data: { outcome: each, resolvedAt: at } });
    const message = `Thank you for your report about a question in “${discussionTitle}”. ${MESSAGES[each]}`;
    for (const r of mine) told.push({ userId: r.reporterId, outcome: each, message });
  }
  const notifications = await storeNotifications(
    tx,
    told.map(({ userId, message }) => ({
      userId,
      type: 'report_outcome' as const,
      title: 'About the question you reported',
      body: message,
      link: `/discussions/${q.discussionId}/live`,
    })),
  );
  return { discussionId: q.discussionId, questionId: q.id, told, notifications };
}

/** After the commit: each reporter hears their outcome (bell and room). */
export async function publishReportOutcomes(resolved: ResolvedReports | null): Promise<void> {
  if (!resolved) return;
  await publishNotifications(resolved.notifications);
  for (const { userId, outcome, message } of resolved.told) {
    publishToUser(userId, 'report:outcome', { discussionId: resolved.discussionId, questionId: resolved.questionId, outcome, message });
  }
}
