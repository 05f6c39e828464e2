'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { endContractSchema } from '@/lib/contract-ending/schemas';
import { endContract } from '@/lib/contract-ending/service';
import { contractViewerOf } from '@/lib/milestones/work-state';

/** The client ends an accepted contract (lib/contract-ending). */
export const endContractAction = defineAction({
  actor: 'client',
  schema: endContractSchema,
  async handler({ contractId, message }, { db, actor, ip }) {
    const result = await endContract(db, {
      contractId,
      message,
      viewer: contractViewerOf(actor.viewer),
      ip,
    });
    if (!result.ok) return { ok: false, message: result.message };
    redirect(`/contracts/${contractId}?notice=ended`);
  },
});
