import { z } from 'zod';
import { now } from '@/lib/clock';
import { isCountryCode } from '@/lib/geo/countries';
import {
  isUsStateCode,
  tinDigits,
  signatureMatches,
  validateEin,
  validateDateOfBirth,
  validateSsn,
  validateZip,
  type Validated,
} from './validation';

export const businessTypes = [
  'individual',
  'sole_proprietor',
  'llc',
  'c_corp',
  's_corp',
  'partnership',
  'trust',
] as const;
export type BusinessType = (typeof businessTypes)[number];

export const tinTypes = ['ssn', 'ein'] as const;

// Corporations and partnerships are taxed as entities and always have an EIN; an
// individual without a business reports under their SSN. The others may use either.
const REQUIRED_TIN_TYPE: Partial<Record<BusinessType, (typeof tinTypes)[number]>> = {
  individual: 'ssn',
  c_corp: 'ein',
  s_corp: 'ein',
  partnership: 'ein',
};

const requiredText = (message: string, max: number, tooLong: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, tooLong);

/** Blank means "not given": undefined in the output. */
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => (v ? v : undefined));

const validatedText = (emptyMessage: string, validate: (value: string) => Validated<string>) =>
  z.string({ error: emptyMessage }).transform((raw, ctx) => {
    const result = validate(raw.trim());
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });

const countryCode = (message: string) =>
  z.string({ error: message }).trim().toUpperCase().refine(isCountryCode, message);

const addressLine1 = requiredText(
  'Enter the street address.',
  100,
  'Keep each address line to 100 characters or fewer.',
);
const addressLine2 = optionalText(100, 'Keep each address line to 100 characters or fewer.');
const city = requiredText(
  'Enter the city or town.',
  60,
  'Keep the city to 60 characters or fewer.',
);

const signature = requiredText(
  'Type your full legal name to sign.',
  200,
  'Keep the signature to 200 characters or fewer.',
);

/** An HTML checkbox sends "on" when ticked and nothing at all when not. */
const certify = z
  .union([z.literal(true), z.literal('on'), z.literal('true')], {
    error: 'Tick the box to certify that the information is correct.',
  })
  .transform(() => true as const);

/**
 * Optional: Stripe asks for it before paying out to a US bank account. Blank is "not given";
 * anything else must be a real day, not before 1900, of someone 18 or older by the app clock.
 */
const dateOfBirth = z
  .string()
  .trim()
  .optional()
  .transform((raw, ctx) => {
    if (!raw) return undefined;
    const result = validateDateOfBirth(raw, now());
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });

/**
 * Optional, and only for a W-9 whose taxpayer id is an EIN: the person's own SSN, which
 * Stripe needs to verify them before it pays out to a US bank account (it opens an
 * individual's account). Blank is "not given"; anything else is checked as an SSN by
 * checkPayoutSsn, on the whole form, since only the TIN type says whether it is wanted.
 */
const payoutSsn = z
  .string()
  .optional()
  .transform((raw) => (raw && raw.trim() ? tinDigits(raw.trim()) : undefined));

type Payload = z.core.ParsePayload<unknown>;

function fieldFailed(payload: Payload, field: string): boolean {
  return payload.issues.some((issue) => issue.path?.[0] === field);
}

function addFieldIssue(payload: Payload, field: string, message: string) {
  payload.issues.push({ code: 'custom', path: [field], message, input: payload.value });
}

/** The signature must be the name given above; checked only once both fields are valid. */
function checkSignature(nameField: string) {
  return (payload: Payload) => {
    const value = payload.value as Record<string, string>;
    if (fieldFailed(payload, nameField) || fieldFailed(payload, 'signature')) return;
    if (!signatureMatches(value.signature, value[nameField])) {
      addFieldIssue(
        payload,
        'signature',
        `Type your name exactly as entered above to sign: ${value[nameField]}.`,
      );
    }
  };
}

/** Without a valid choice of SSN or EIN, only a blank number can be reported. */
function tinProblem(tinType: (typeof tinTypes)[number] | undefined, tin: string): string | null {
  if (!tinType) return tin === '' ? 'Enter your Social Security number or EIN.' : null;
  const result = tinType === 'ssn' ? validateSsn(tin) : validateEin(tin);
  return result.ok ? null : result.message;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The payout SSN is checked as an SSN unless the taxpayer id is one (then it is dropped:
 * see the schema's overwrite). Run even when other fields failed (its `when` in the schema),
 * so its message comes with theirs, as a field's own check would.
 */
function checkPayoutSsn(value: { tinType?: unknown; payoutSsn?: unknown }, ctx: z.RefinementCtx) {
  if (typeof value.payoutSsn !== 'string' || value.tinType === 'ssn') return;
  const result = validateSsn(value.payoutSsn);
  if (!result.ok) ctx.addIssue({ code: 'custom', path: ['payoutSsn'], message: result.message });
}

/** W-9 style: for US citizens and US residents for tax purposes. */
export const usTaxInfoSchema = z
  .object({
    kind: z.literal('us'),
    legalName: requiredText(
      'Enter your legal name, as shown on your tax return.',
      200,
      'Keep the legal name to 200 characters or fewer.',
    ),
    businessType: z.enum(businessTypes, {
      error:
        'Choose your business type: individual, sole proprietor, LLC, corporation, partnership or trust.',
    }),
    tinType: z.enum(tinTypes, {
      error: 'Choose whether you give a Social Security number or an EIN.',
    }),
    tin: z.string({ error: 'Enter your Social Security number or EIN.' }).transform(tinDigits),
    addressLine1,
    addressLine2,
    city,
    state: z
      .string({ error: 'Choose your state.' })
      .trim()
      .toUpperCase()
      .refine(isUsStateCode, 'Choose your state, or enter its two-letter code like NY or CA.'),
    zip: validatedText('Enter your ZIP code.', validateZip),
    dateOfBirth,
    payoutSsn,
    signature,
    certify,
  })
  .superRefine(checkPayoutSsn, { when: (payload) => isRecord(payload.value) })
  .check((payload) => {
    const { businessType, tinType, tin } = payload.value;
    if (!fieldFailed(payload, 'tin')) {
      const problem = tinProblem(fieldFailed(payload, 'tinType') ? undefined : tinType, tin);
      if (problem) addFieldIssue(payload, 'tin', problem);
    }
    const required = REQUIRED_TIN_TYPE[businessType];
    const bothChosen = !fieldFailed(payload, 'businessType') && !fieldFailed(payload, 'tinType');
    if (bothChosen && required && required !== tinType) {
      addFieldIssue(
        payload,
        'tinType',
        required === 'ein'
          ? 'Corporations and partnerships give their EIN, not a Social Security number.'
          : 'As an individual, give your Social Security number; if your business has an EIN, choose sole proprietor or LLC.',
      );
    }
  })
  // Dropped, not refused, with an SSN as the taxpayer id: that number is the SSN Stripe gets.
  // The field is on the form whichever type is chosen (it works without JavaScript), so
  // someone who types their SSN in both places, or leaves an earlier answer there after
  // switching from EIN, has done nothing wrong; refusing would only make them empty it.
  .overwrite((value) => (value.tinType === 'ssn' ? { ...value, payoutSsn: undefined } : value))
  .check(checkSignature('legalName'));

/** W-8BEN style: for people who are not US persons. */
export const nonUsTaxInfoSchema = z
  .object({
    kind: z.literal('non_us'),
    name: requiredText(
      'Enter your full name, as shown on your passport or national ID.',
      200,
      'Keep the name to 200 characters or fewer.',
    ),
    countryOfCitizenship: countryCode('Choose your country of citizenship.').refine(
      (code) => code !== 'US',
      'US citizens fill in the US (W-9) form instead.',
    ),
    addressLine1,
    addressLine2,
    city,
    region: optionalText(60, 'Keep the region to 60 characters or fewer.'),
    postalCode: optionalText(20, 'Keep the postal code to 20 characters or fewer.'),
    country: countryCode('Choose the country you live in.').refine(
      (code) => code !== 'US',
      'This form is for an address outside the US; if you live in the US for tax purposes, use the US (W-9) form.',
    ),
    foreignTaxId: requiredText(
      'Enter your tax identification number from your country of residence.',
      30,
      'A foreign tax id has at most 30 characters; check you entered only the number.',
    ),
    treatyCountry: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine(
        (code) => code === undefined || (isCountryCode(code) && code !== 'US'),
        'Choose the treaty country from the list, or leave it empty if you do not claim treaty benefits.',
      ),
    signature,
    certify,
  })
  .check(checkSignature('name'));

/** Tax information; parse `Object.fromEntries(formData)` with it. */
export const taxInfoSchema = z.discriminatedUnion('kind', [usTaxInfoSchema, nonUsTaxInfoSchema], {
  error: 'Choose whether you are a US person (W-9) or not (W-8BEN).',
});

export type TaxInfoInput = z.infer<typeof taxInfoSchema>;
export type UsTaxInfo = z.infer<typeof usTaxInfoSchema>;
export type NonUsTaxInfo = z.infer<typeof nonUsTaxInfoSchema>;
