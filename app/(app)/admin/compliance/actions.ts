'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { approveSchema, rejectSchema } from '@/lib/compliance/schemas';
import { decideCheck } from '@/lib/compliance/service';

/** The reviewer is re-checked on the server on every call (actor: 'reviewer'). */
export const approveCheckAction = defineAction({
  actor: 'reviewer',
  schema: approveSchema,
  async handler({ checkId }, { db, actor, ip }) {
    const reviewer = { id: actor.userId, isAdmin: actor.viewer.isAdmin };
    const result = await decideCheck(db, { reviewer, checkId, decision: 'approve', ip });
    if (!result.ok) return result;
    redirect(`/admin/compliance?notice=approved`);
  },
});

export const rejectCheckAction = defineAction({
  actor: 'reviewer',
  schema: rejectSchema,
  async handler({ checkId, reason }, { db, actor, ip }) {
    const reviewer = { id: actor.userId, isAdmin: actor.viewer.isAdmin };
    const result = await decideCheck(db, { reviewer, checkId, decision: 'reject', reason, ip });
    if (!result.ok) return result;
    redirect(`/admin/compliance?notice=rejected`);
  },
});
