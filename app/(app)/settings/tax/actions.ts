'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { taxInfoSchema } from '@/lib/tax/schemas';
import { saveTaxInfo } from '@/lib/tax/service';

export const saveTaxInfoAction = defineAction({
  actor: 'freelancer',
  schema: taxInfoSchema,
  // The tax ids and the payout SSN are never sent back to the browser, even to redisplay the
  // form with errors.
  secretFields: ['tin', 'foreignTaxId', 'payoutSsn'],
  retypeSecrets: true,
  async handler(input, { db, actor }) {
    await saveTaxInfo(db, actor, input);
    redirect('/settings/tax?notice=saved');
  },
});
