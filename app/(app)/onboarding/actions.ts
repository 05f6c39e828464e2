'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDatabase } from '@/db';
import { loadViewer } from '@/lib/auth/session';
import { acceptContract, declineContract } from '@/lib/contracts/service';
import {
  NOT_A_FORM,
  isForm,
  failure,
  invalid,
  refuseNulCharacters,
  type FormState,
} from '@/lib/forms';
import { basicInfoSchema, declineOfferSchema } from '@/lib/onboarding/schemas';
import { saveBasicInfo } from '@/lib/onboarding/service';
import { clientIp } from '@/lib/server/request';

const SIGNED_OUT = 'Your session has ended. Please sign in again.';

async function loadFreelancer() {
  const viewer = await loadViewer();
  return viewer?.isFreelancer ? viewer : null;
}

export async function saveBasicInfoAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const viewer = await loadFreelancer();
  if (!viewer) return failure(SIGNED_OUT);
  const parsed = basicInfoSchema.safeParse({
    firstName: formData.get('firstName'),
    lastName: formData.get('lastName'),
    country: formData.get('country'),
    timeZone: formData.get('timeZone'),
    phone: formData.get('phone'),
    acceptTerms: formData.get('acceptTerms'),
  });
  if (!parsed.success) return invalid(parsed.error, formData);
  const { db } = await getDatabase();
  await saveBasicInfo(db, viewer.user.id, parsed.data);
  redirect('/onboarding/contract');
}

const acceptSchema = z.object({
  contractId: z.uuid(),
  termsHash: z.string().regex(/^[0-9a-f]{64}$/),
});

export async function acceptContractAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const viewer = await loadFreelancer();
  if (!viewer) return failure(SIGNED_OUT);
  const parsed = acceptSchema.safeParse({
    contractId: formData.get('contractId'),
    termsHash: formData.get('termsHash'),
  });
  if (!parsed.success)
    return failure('This offer could not be loaded. Reload the page and review it again.');
  const { db } = await getDatabase();
  const result = await acceptContract(db, {
    contractId: parsed.data.contractId,
    freelancerId: viewer.user.id,
    shownHash: parsed.data.termsHash,
    ip: await clientIp(),
  });
  if (!result.ok) return failure(result.message);
  redirect(`/onboarding?notice=accepted`);
}

export async function declineContractAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const viewer = await loadFreelancer();
  if (!viewer) return failure(SIGNED_OUT);
  const unstorable = refuseNulCharacters(formData);
  if (unstorable) return unstorable;
  const contractId = z.uuid().safeParse(formData.get('contractId'));
  const parsed = declineOfferSchema.safeParse({ reason: formData.get('reason') });
  if (!contractId.success)
    return failure('This offer could not be loaded. Reload the page and review it again.');
  if (!parsed.success) return invalid(parsed.error, formData);
  const { db } = await getDatabase();
  const result = await declineContract(db, {
    contractId: contractId.data,
    freelancerId: viewer.user.id,
    reason: parsed.data.reason,
    ip: await clientIp(),
  });
  if (!result.ok) return failure(result.message);
  redirect(`/onboarding?notice=declined`);
}
