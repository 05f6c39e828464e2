import { z } from 'zod';

import { isCountryCode } from '@/lib/geo/countries';
import { canonicalTimeZone } from '@/lib/geo/time-zones';

// Letters from any script (with their accents), spaces, hyphens, apostrophes (straight or
// curly) and periods, with at least one letter: "Zoë", "Jean-Luc", "O'Brien", "'t Hooft".
const NAME_PATTERN = /^(?=.*\p{L})[\p{L}\p{M} '’.-]+$/u;

function personName(label: 'first name' | 'last name') {
  return z
    .string({ error: `Enter your ${label}.` })
    .trim()
    .overwrite((v) => v.replace(/\s+/g, ' '))
    .normalize('NFC')
    .min(1, { error: `Enter your ${label}.`, abort: true })
    .max(50, `Keep your ${label} to 50 characters or fewer.`)
    .regex(
      NAME_PATTERN,
      `Use only letters, spaces, hyphens, apostrophes and periods in your ${label}.`,
    );
}

export const PHONE_MESSAGE = 'Enter the phone number with its country code, like +44 20 7946 0958.';

/**
 * People type numbers their own way; we keep E.164 ('+442079460958'). A leading 00 is the
 * international prefix, and "(0)" is the UK-style trunk digit that is dropped when dialling
 * from abroad, so "+44 (0)20 7946 0958" is the same number.
 */
export function normalizePhone(input: string): string | undefined {
  if (!/^[+\d\s().-]+$/.test(input)) return undefined;
  let digits = input.replaceAll('(0)', '').replace(/[\s().-]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  return /^\+[1-9]\d{7,14}$/.test(digits) ? digits : undefined;
}

const phoneSchema = z
  .string({ error: PHONE_MESSAGE })
  .trim()
  .transform((value, ctx) => {
    if (value === '') return undefined;
    const phone = normalizePhone(value);
    if (phone === undefined) {
      ctx.issues.push({ code: 'custom', message: PHONE_MESSAGE, input: value });
    }
    return phone;
  })
  .nullish()
  .transform((phone) => phone ?? undefined);

export const basicInfoSchema = z.object({
  firstName: personName('first name'),
  lastName: personName('last name'),
  country: z
    .string({ error: 'Choose the country you live in.' })
    .trim()
    .toUpperCase()
    .min(1, { error: 'Choose the country you live in.', abort: true })
    .refine(isCountryCode, 'Choose your country from the list.'),
  timeZone: z
    .string({ error: 'Choose your time zone.' })
    .trim()
    .min(1, { error: 'Choose your time zone.', abort: true })
    .transform((value, ctx) => {
      const timeZone = canonicalTimeZone(value);
      if (timeZone === undefined) {
        ctx.issues.push({
          code: 'custom',
          message: 'Choose your time zone from the list.',
          input: value,
        });
        return z.NEVER;
      }
      return timeZone;
    }),
  phone: phoneSchema,
  // A checked checkbox submits "on" (or its value="true"); an unchecked one submits nothing.
  acceptTerms: z
    .enum(['on', 'true'], { error: 'Please accept the terms of service to continue.' })
    .transform((): true => true),
});

export type BasicInfo = z.infer<typeof basicInfoSchema>;

export const declineOfferSchema = z.object({
  reason: z
    .string({ error: 'Tell the client why you are declining the offer.' })
    .trim()
    .min(1, { error: 'Tell the client why you are declining the offer.', abort: true })
    .min(5, 'Give the client a little more detail: at least 5 characters.')
    .max(1000, 'Keep the reason to 1,000 characters or fewer.'),
});

export type DeclineOffer = z.infer<typeof declineOfferSchema>;

// Both come from hidden inputs the page wrote; a bad value means a stale or tampered form.
const STALE_OFFER_MESSAGE = 'This offer could not be loaded. Reload the page and review it again.';

export const acceptOfferSchema = z.object({
  offerId: z.uuid({ error: STALE_OFFER_MESSAGE }),
  offerHash: z
    .string({ error: STALE_OFFER_MESSAGE })
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, STALE_OFFER_MESSAGE),
});

export type AcceptOffer = z.infer<typeof acceptOfferSchema>;
