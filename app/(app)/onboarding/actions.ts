'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction, type Refusal } from '@/lib/actions/define-action';
import { acceptContract, declineContract } from '@/lib/contracts/service';
import { basicInfoSchema, declineOfferSchema } from '@/lib/onboarding/schemas';
import { saveBasicInfo } from '@/lib/onboarding/service';

export const saveBasicInfoAction = defineAction({
  actor: 'freelancer',
  schema: basicInfoSchema,
  async handler(input, { db, actor, ip }) {
    await saveBasicInfo(db, { userId: actor.userId, ip }, input);
    redirect('/onboarding/contract');
  },
});

// The contract's id and terms come from hidden inputs the page wrote: a bad one means a
// stale or tampered form, which no field error could help with.
const STALE_OFFER: Refusal = {
  ok: false,
  message: 'This offer could not be loaded. Reload the page and review it again.',
};

export const acceptContractAction = defineAction({
  actor: 'freelancer',
  schema: z.object({ contractId: z.uuid(), termsHash: z.string().regex(/^[0-9a-f]{64}$/) }),
  onInvalid: () => STALE_OFFER,
  async handler({ contractId, termsHash }, { db, actor, ip }) {
    const result = await acceptContract(db, {
      contractId,
      freelancerId: actor.userId,
      shownHash: termsHash,
      ip,
    });
    if (!result.ok) {
      // The client changed the offer: the page must show the new terms (and their hash) to
      // review, not only say that they changed.
      if (result.reason === 'changed') refresh();
      return result;
    }
    redirect(`/onboarding?notice=accepted&contract=${contractId}`);
  },
});

export const declineContractAction = defineAction({
  actor: 'freelancer',
  schema: declineOfferSchema.extend({ contractId: z.uuid() }),
  onInvalid: (fieldErrors) => (fieldErrors.contractId ? STALE_OFFER : null),
  async handler({ contractId, reason }, { db, actor, ip }) {
    const result = await declineContract(db, {
      contractId,
      freelancerId: actor.userId,
      reason,
      ip,
    });
    if (!result.ok) return result;
    redirect(`/onboarding?notice=declined&contract=${contractId}`);
  },
});
