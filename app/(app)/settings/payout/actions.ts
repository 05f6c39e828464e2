'use server';

import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { NOT_A_FORM, isForm, failure, refuseNulCharacters, type FormState } from '@/lib/forms';
import {
  requestAddPayoutMethod,
  requestRemovePayoutMethod,
  setDefaultPayoutMethod,
} from '@/lib/payouts/service';
import { refused } from '../form-state';
import { loadActor, SIGNED_OUT } from '../viewer';

export async function addPayoutMethodAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const actor = await loadActor({ freelancer: true });
  if (!actor) return failure(SIGNED_OUT);
  const unstorable = refuseNulCharacters(formData);
  if (unstorable) return unstorable;
  const { db } = await getDatabase();
  const result = await requestAddPayoutMethod(db, actor, {
    kind: formData.get('kind') ?? undefined,
    holderName: formData.get('holderName') ?? undefined,
    routingNumber: formData.get('routingNumber') ?? undefined,
    accountNumber: formData.get('accountNumber') ?? undefined,
    accountType: formData.get('accountType') ?? undefined,
    iban: formData.get('iban') ?? undefined,
    bic: formData.get('bic') ?? undefined,
    email: formData.get('email') ?? undefined,
  });
  if (!result.ok) return refused(result, formData);
  redirect(
    `/settings/payout?notice=${result.status === 'applied' ? 'added' : 'confirmation-sent'}`,
  );
}

/** Both row buttons send only the method's id; the service checks it is the actor's own. */
function methodIdFrom(formData: FormData): string {
  const value = formData.get('methodId');
  return typeof value === 'string' ? value : '';
}

export async function removePayoutMethodAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const actor = await loadActor({ freelancer: true });
  if (!actor) return failure(SIGNED_OUT);
  const { db } = await getDatabase();
  const result = await requestRemovePayoutMethod(db, actor, methodIdFrom(formData));
  if (!result.ok) return failure(result.message);
  redirect(
    `/settings/payout?notice=${result.status === 'applied' ? 'removed' : 'confirmation-sent'}`,
  );
}

export async function setDefaultPayoutMethodAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const actor = await loadActor({ freelancer: true });
  if (!actor) return failure(SIGNED_OUT);
  const { db } = await getDatabase();
  const result = await setDefaultPayoutMethod(db, actor, methodIdFrom(formData));
  if (!result.ok) return failure(result.message);
  redirect('/settings/payout?notice=default');
}
