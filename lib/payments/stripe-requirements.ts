/**
 * Stripe's names for what a connected account still needs (`requirements.currently_due`)
 * and why it stopped paying out (`requirements.disabled_reason`), in words a freelancer
 * understands. Provider-specific, so here beside stripe-payouts.ts; the withdrawals domain
 * builds its sentences from these phrases. A name not listed gets a generic phrase, never
 * the raw code alone.
 */

/** Exact names first, then prefixes (the person's address has one name per line). */
const EXACT: Record<string, string> = {
  'individual.dob.day': 'your date of birth',
  'individual.dob.month': 'your date of birth',
  'individual.dob.year': 'your date of birth',
  'individual.ssn_last_4': 'the last 4 digits of your Social Security number',
  'individual.id_number': 'your full Social Security number',
  'individual.first_name': 'your legal name',
  'individual.last_name': 'your legal name',
  'individual.email': 'your email address',
  'individual.phone': 'your phone number',
  'individual.verification.document': 'a photo of your government-issued ID',
  'individual.verification.additional_document': 'a document that shows your address',
  external_account: 'your bank account details',
  'tos_acceptance.date': "your acceptance of Stripe's terms",
  'tos_acceptance.ip': "your acceptance of Stripe's terms",
  'business_profile.mcc': 'the kind of work you do',
  'business_profile.url': 'a description of your work or a link to your public profile',
  'business_profile.product_description':
    'a description of your work or a link to your public profile',
};

const PREFIXES: [string, string][] = [
  ['individual.address.', 'your home address'],
  ['individual.dob.', 'your date of birth'],
  ['individual.verification.', 'a photo of your government-issued ID'],
  ['tos_acceptance.', "your acceptance of Stripe's terms"],
];

export const OTHER_REQUIREMENT = 'other details about you (our support team can tell you which)';

export function stripeRequirementPhrase(name: string): string {
  const exact = EXACT[name];
  if (exact) return exact;
  const prefix = PREFIXES.find(([start]) => name.startsWith(start));
  return prefix ? prefix[1] : OTHER_REQUIREMENT;
}

/** Each phrase once, in Stripe's order, the generic one last: "a, b, and c". */
export function describeStripeRequirements(names: readonly string[]): string {
  const phrases = [...new Set(names.map(stripeRequirementPhrase))];
  const ordered = [
    ...phrases.filter((p) => p !== OTHER_REQUIREMENT),
    ...phrases.filter((p) => p === OTHER_REQUIREMENT),
  ];
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(ordered);
}

/**
 * What Stripe refused in what it was given (`requirements.errors`: each the requirement's
 * name and Stripe's code), in words, or null when it refused nothing. A `verification_failed_*`
 * code means the details did not match official records; any other code (an address Stripe
 * cannot use, an age under 18, a document it could not read) means it did not accept them.
 * Only codes are read: Stripe's free-text reason is never stored (it may quote the value).
 */
export function describeStripeRequirementErrors(
  errors: readonly { requirement: string; code: string }[],
): string | null {
  const unverified = errors.filter((e) => e.code.startsWith('verification_failed_'));
  const refused = errors.filter((e) => !e.code.startsWith('verification_failed_'));
  const sentences: string[] = [];
  if (unverified.length > 0) {
    sentences.push(
      `Stripe could not match ${namesOf(unverified)} with official records; check ${itOrThem(unverified)} for mistakes.`,
    );
  }
  if (refused.length > 0) {
    sentences.push(
      `Stripe did not accept ${namesOf(refused)} as given; check ${itOrThem(refused)}.`,
    );
  }
  return sentences.length > 0 ? sentences.join(' ') : null;
}

const namesOf = (errors: readonly { requirement: string }[]) =>
  describeStripeRequirements(errors.map((e) => e.requirement));

/** "it" for one thing, "them" for several (the phrases, not the fields: a date is three). */
const itOrThem = (errors: readonly { requirement: string }[]) =>
  new Set(errors.map((e) => stripeRequirementPhrase(e.requirement))).size > 1 ? 'them' : 'it';

/**
 * Where the freelancer gives us what a requirement names, for the payee sync to send it:
 * the W-9 (date of birth, home address, SSN), basic info (legal name, phone, the terms'
 * acceptance), the payout methods (a bank account), the profile (its public address and
 * title). Null for what we do not collect (an ID document, the email): support has to help.
 */
export type RequirementPlace = 'tax-information' | 'basic-info' | 'payout-methods' | 'profile';

const PLACES: [string, RequirementPlace][] = [
  ['individual.dob', 'tax-information'],
  ['individual.address', 'tax-information'],
  ['individual.ssn_last_4', 'tax-information'],
  ['individual.id_number', 'tax-information'],
  ['individual.first_name', 'basic-info'],
  ['individual.last_name', 'basic-info'],
  ['individual.phone', 'basic-info'],
  ['tos_acceptance', 'basic-info'],
  ['external_account', 'payout-methods'],
  ['business_profile.url', 'profile'],
  ['business_profile.product_description', 'profile'],
];

export function stripeRequirementPlace(name: string): RequirementPlace | null {
  const place = PLACES.find(([start]) => name === start || name.startsWith(`${start}.`));
  return place ? place[1] : null;
}

/**
 * The one place to send a freelancer for several requirements: the first of tax
 * information, basic info, payout methods and profile that any of them names (identity
 * first: it is what Stripe stops payouts for most), or null when none has a place.
 */
export function stripeRequirementsPlace(names: readonly string[]): RequirementPlace | null {
  const places = new Set(names.map(stripeRequirementPlace));
  const order: RequirementPlace[] = ['tax-information', 'basic-info', 'payout-methods', 'profile'];
  return order.find((place) => places.has(place)) ?? null;
}

/**
 * What `requirements.disabled_reason` means for the freelancer: `verifying` (Stripe is
 * checking what it was given or reviewing the account: nothing to do but wait), `rejected`
 * (turned down for good) or `stopped` (anything else: requirements past due, a pause).
 */
export type DisabledReason = 'verifying' | 'rejected' | 'stopped';

export function stripeDisabledReason(reason: string | null): DisabledReason {
  if (reason === 'requirements.pending_verification' || reason === 'under_review') {
    return 'verifying';
  }
  if (reason?.startsWith('rejected.')) return 'rejected';
  return 'stopped';
}
