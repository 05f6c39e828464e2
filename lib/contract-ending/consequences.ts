/**
 * What ending does, in the words of the "End contract" page (GET: nothing changes yet).
 * Pure, so the page and its test read the same sentences.
 */
type MilestoneAtEnding = {
  position: number;
  description: string;
  status: string;
};

export function endingConsequences(
  kind: 'hourly' | 'fixed',
  milestones: MilestoneAtEnding[],
): string[] {
  if (kind === 'hourly') {
    return [
      'No new time can be logged: the timer stops now if it is running, and the diary takes no new entries.',
      'Time already logged is still invoiced at the next Monday 12:00 UTC tick; after that nothing more is billed.',
      'Open invoices keep their review and disputes: you can still approve or dispute them until their review ends.',
    ];
  }
  const name = (m: MilestoneAtEnding) => `Milestone ${m.position} (“${m.description}”)`;
  const lines = milestones.flatMap((m): string[] => {
    switch (m.status) {
      case 'funded':
        return [
          `${name(m)} is funded and has no submission: it gets a refund request. The freelancer agrees or refuses within 7 days; without an answer, or after a refusal, Workbridge ops decides.`,
        ];
      case 'submitted':
        return [
          `${name(m)} is submitted: it stays in review. You can still approve it or ask for changes, and it is approved automatically 14 days after the submission.`,
        ];
      case 'changes_requested':
        return [
          `${name(m)} waits for changes: its money stays in escrow, the freelancer can still resubmit, and you can release it.`,
        ];
      case 'refund_requested':
        return [`${name(m)} already has a refund request: it goes on as before.`];
      default:
        return [];
    }
  });
  return [
    ...lines,
    'No milestone can be funded after the ending: a declined payment waiting for its retry is not tried again. You can still pay the freelancer a bonus.',
  ];
}
