'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define-action';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import {
  requestAddPayoutMethod,
  requestRemovePayoutMethod,
  setDefaultPayoutMethod,
} from '@/lib/payouts/service';

/** Never sent back to the browser, even to redisplay the form with errors. */
const SECRET_FIELDS = ['accountNumber', 'iban'];

// Without a sign-in from the last 30 minutes these changes are not refused: the service
// emails a confirmation link instead, so the wrapper's recentSignIn is not set here.
export const addPayoutMethodAction = defineAction({
  actor: 'freelancer',
  schema: addPayoutMethodSchema,
  secretFields: SECRET_FIELDS,
  retypeSecrets: true,
  async handler(input, { db, actor }) {
    const result = await requestAddPayoutMethod(db, actor, input);
    if (!result.ok) return result;
    redirect(
      `/settings/payout?notice=${result.status === 'applied' ? 'added' : 'confirmation-sent'}`,
    );
  },
});

/** Both row buttons send only the method's id; the service checks it is the actor's own. */
const methodSchema = z.object({ methodId: z.string().catch('') });

export const removePayoutMethodAction = defineAction({
  actor: 'freelancer',
  schema: methodSchema,
  async handler({ methodId }, { db, actor }) {
    const result = await requestRemovePayoutMethod(db, actor, methodId);
    if (!result.ok) return { ok: false, message: result.message };
    redirect(
      `/settings/payout?notice=${result.status === 'applied' ? 'removed' : 'confirmation-sent'}`,
    );
  },
});

export const setDefaultPayoutMethodAction = defineAction({
  actor: 'freelancer',
  schema: methodSchema,
  async handler({ methodId }, { db, actor }) {
    const result = await setDefaultPayoutMethod(db, actor, methodId);
    if (!result.ok) return { ok: false, message: result.message };
    redirect('/settings/payout?notice=default');
  },
});
