'use server';

import { redirect } from 'next/navigation';
import { getDatabase } from '@/db';
import { NOT_A_FORM, isForm, failure, refuseNulCharacters, type FormState } from '@/lib/forms';
import { saveTaxInfo } from '@/lib/tax/service';
import { refused } from '../form-state';
import { loadActor, SIGNED_OUT } from '../viewer';

const FIELDS = [
  'kind',
  'legalName',
  'businessType',
  'tinType',
  'tin',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'zip',
  'name',
  'countryOfCitizenship',
  'region',
  'postalCode',
  'country',
  'foreignTaxId',
  'treatyCountry',
  'signature',
  'certify',
];

export async function saveTaxInfoAction(_prev: FormState, formData: FormData): Promise<FormState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const actor = await loadActor({ freelancer: true });
  if (!actor) return failure(SIGNED_OUT);
  const unstorable = refuseNulCharacters(formData);
  if (unstorable) return unstorable;
  const raw = Object.fromEntries(FIELDS.map((f) => [f, formData.get(f) ?? undefined]));
  const { db } = await getDatabase();
  const result = await saveTaxInfo(db, actor, raw);
  if (!result.ok) return refused(result, formData);
  redirect('/settings/tax?notice=saved');
}
