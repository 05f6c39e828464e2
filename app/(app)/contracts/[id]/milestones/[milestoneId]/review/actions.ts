'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import {
  approveMilestone,
  releaseMilestoneNow,
  requestMilestoneChanges,
} from '@/lib/milestones/review';
import {
  milestoneRefSchema,
  releaseNowSchema,
  requestChangesSchema,
} from '@/lib/milestones/submission-schemas';
import { contractViewerOf } from '@/lib/milestones/work-state';

const reviewPage = (contractId: string, milestoneId: string, notice: string) =>
  `/contracts/${contractId}/milestones/${milestoneId}/review?notice=${notice}`;

/** The client approves the latest submission: the escrow is released. */
export const approveMilestoneAction = defineAction({
  actor: 'client',
  schema: milestoneRefSchema,
  async handler({ contractId, milestoneId }, { db, actor, ip }) {
    const result = await approveMilestone(db, {
      contractId,
      milestoneId,
      viewer: contractViewerOf(actor.viewer),
      ip,
    });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(reviewPage(contractId, milestoneId, 'released'));
  },
});

/** The client sends the submission back with a message; the freelancer resubmits. */
export const requestChangesAction = defineAction({
  actor: 'client',
  schema: requestChangesSchema,
  async handler({ contractId, milestoneId, message }, { db, actor, ip }) {
    const result = await requestMilestoneChanges(db, {
      contractId,
      milestoneId,
      message,
      viewer: contractViewerOf(actor.viewer),
      ip,
    });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(reviewPage(contractId, milestoneId, 'changes-requested'));
  },
});

/** "Release now", from its confirmation page: a funded milestone released without review. */
export const releaseNowAction = defineAction({
  actor: 'client',
  schema: releaseNowSchema,
  async handler({ contractId, milestoneId }, { db, actor, ip }) {
    const result = await releaseMilestoneNow(db, {
      contractId,
      milestoneId,
      viewer: contractViewerOf(actor.viewer),
      ip,
    });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(reviewPage(contractId, milestoneId, 'released'));
  },
});
