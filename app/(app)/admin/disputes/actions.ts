'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { decideDispute } from '@/lib/hourly/disputes';
import { decideDisputeSchema } from '@/lib/hourly/review-schemas';

/** Ops' decision on a rejected dispute; the reviewer is re-checked on every call. */
export const decideDisputeAction = defineAction({
  actor: 'reviewer',
  schema: decideDisputeSchema,
  async handler(input, { db, actor, ip }) {
    const result = await decideDispute(db, { ...input, reviewerId: actor.userId, ip });
    if (!result.ok) return result;
    redirect('/admin/disputes?notice=decided');
  },
});
