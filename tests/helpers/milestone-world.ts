// Milestones of the victim client for the authorization matrix and the fuzzer: funded with
// a simulated card, then moved to the step an action needs. The contract's freelancer
// stands in for the matrix's victim freelancer.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contracts, milestoneFiles } from '@/db/schema';
import { requestMilestoneRefund, answerRefundRequest } from '@/lib/milestones/refunds';
import { checkAttachments } from '@/lib/files/attachments';
import { submitMilestone } from '@/lib/milestones/submission';
import { createSimulatedProvider } from '@/lib/payments/simulated';
import type { World } from '@/tests/security/matrix/world';
import { addSimulatedCard, APPROVED_CARD } from './billing-fixtures';
import { pdfBytes } from './compliance-fixtures';
import { fundedMilestone, stateOf } from './milestone-work-fixtures';

export type MilestoneStep = 'funded' | 'submitted' | 'refund_requested' | 'with_ops';

export async function victimMilestone(world: World, step: MilestoneStep) {
  world.setEnv('PAYMENTS_PROVIDER', 'simulated');
  const provider = createSimulatedProvider(world.db);
  const added = await addSimulatedCard(
    world.db,
    provider,
    world.victimClient.inviter,
    APPROVED_CARD,
  );
  if (!added.ok) throw new Error(added.message);
  const m = await fundedMilestone(world.db, provider, world.victimClient.inviter);
  // The victim client's contracts wait for compliance; work is submitted once it started.
  await world.db.update(contracts).set({ status: 'active' }).where(eq(contracts.id, m.contractId));
  const ids = { contractId: m.contractId, milestoneId: m.milestoneId };
  let fileId: string | null = null;
  if (step === 'submitted') {
    const files = await checkAttachments([{ fileName: 'Work.pdf', bytes: pdfBytes() }]);
    if (!files.ok) throw new Error(files.errors.join());
    const done = await submitMilestone(world.db, {
      ...ids,
      viewer: m.freelancerViewer,
      message: 'The work',
      links: [],
      files: files.files,
    });
    if (!done.ok) throw new Error(done.message);
    fileId = await firstFileOf(world.db, done.eventId);
  }
  if (step === 'refund_requested' || step === 'with_ops') {
    const asked = await requestMilestoneRefund(world.db, {
      ...ids,
      viewer: m.clientViewer,
      message: 'Back, please',
    });
    if (!asked.ok) throw new Error(asked.message);
  }
  if (step === 'with_ops') {
    const refused = await answerRefundRequest(world.db, provider, {
      ...ids,
      viewer: m.freelancerViewer,
      answer: 'refuse',
      message: 'No',
    });
    if (!refused.ok) throw new Error(refused.message);
  }
  return {
    ...ids,
    fileId,
    people: { victimFreelancer: { userId: m.freelancerId, email: m.freelancerEmail } },
    protect: [m.milestoneId],
  };
}

async function firstFileOf(db: Db, eventId: string): Promise<string> {
  const [row] = await db.select().from(milestoneFiles).where(eq(milestoneFiles.eventId, eventId));
  return row.fileId;
}

export async function milestoneStatus(world: World, milestoneId: string) {
  return (await stateOf(world.db, milestoneId)).status;
}
