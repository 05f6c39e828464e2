import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

import { isCountryCode } from '@/lib/geo/countries';
import { timeZoneSchema } from '@/lib/geo/time-zone-schema';

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

// Digits and the usual separators, a plus only in front: libphonenumber would read past a
// second or trailing plus and keep an "ext 2" apart, neither of which E.164 can store.
const PHONE_SHAPE = /^\+?[\d\s().-]+$/;

// Mirrors the database's check (freelancer_profile_phone: 8 to 15 digits). The few valid
// numbers shorter than that (Niue, Tokelau) are refused here rather than by the database.
const STORED_PHONE = /^\+[1-9]\d{7,14}$/;

/**
 * People type numbers their own way; libphonenumber-js checks the number against its
 * country's numbering plan and we keep E.164 ('+442079460958'). A number without its
 * country code is read as one of `country` (where the person lives), so "912 345 678" from
 * Spain is +34 912 345 678. A leading 00 is the international prefix, and "(0)" is the
 * UK-style trunk digit that is dropped when dialling from abroad.
 */
export function normalizePhone(input: string, country?: string): string | undefined {
  if (!PHONE_SHAPE.test(input)) return undefined;
  // 00 dials abroad from most countries but not from the US (011), where no number
  // begins with 00 either.
  const text = input.startsWith('00') ? `+${input.slice(2)}` : input;
  const phone = parsePhoneNumberFromString(
    text,
    country && isSupportedCountry(country) ? country : undefined,
  );
  if (!phone?.isValid() || !STORED_PHONE.test(phone.number)) return undefined;
  return phone.number;
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

/**
 * A phone typed without its country code is read as a number of the country chosen on the
 * same form, before the fields are checked one by one: the phone field then sees E.164 and
 * reports its error together with every other field's (a check on the whole object would be
 * skipped whenever another field fails).
 */
function readPhoneByCountry(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const phone = 'phone' in input ? input.phone : undefined;
  const country = 'country' in input ? input.country : undefined;
  if (typeof phone !== 'string' || typeof country !== 'string') return input;
  const national = phone.trim();
  if (national === '' || national.startsWith('+') || national.startsWith('00')) return input;
  const international = normalizePhone(national, country.trim().toUpperCase());
  return international === undefined ? input : { ...input, phone: international };
}

export const basicInfoSchema = z.preprocess(
  readPhoneByCountry,
  z.object({
    firstName: personName('first name'),
    lastName: personName('last name'),
    country: z
      .string({ error: 'Choose the country you live in.' })
      .trim()
      .toUpperCase()
      .min(1, { error: 'Choose the country you live in.', abort: true })
      .refine(isCountryCode, 'Choose your country from the list.'),
    timeZone: timeZoneSchema,
    phone: phoneSchema,
    // A checked checkbox submits "on" (or its value="true"); an unchecked one submits nothing.
    acceptTerms: z
      .enum(['on', 'true'], { error: 'Please accept the terms of service to continue.' })
      .transform((): true => true),
  }),
);

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
