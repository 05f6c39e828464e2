import type Stripe from 'stripe';
import type { Payee } from './payouts';

/**
 * The details of a US individual's connected account we can give Stripe, shared by the
 * account's creation (connectedAccountParams in stripe-payouts.ts) and its later updates
 * (payeeUpdateParams below), so the two cannot send a detail in two shapes.
 */

/**
 * Stripe's merchant category for what a freelancer sells: 8999, "Professional services (not
 * elsewhere classified)": development, design, writing and the rest of the work done here.
 */
export const FREELANCE_MCC = '8999';

export const productDescriptionOf = (payee: Payee) =>
  payee.profile.title
    ? `Freelance work for clients through Workbridge: ${payee.profile.title}`
    : 'Freelance work for clients through Workbridge';

/**
 * The profile's address only when it is public and on https: Stripe looks at the site, so
 * a development address (http://localhost) would only be refused.
 */
export const siteOf = (payee: Payee) => {
  const url = payee.profile.publicUrl;
  return url?.startsWith('https://') ? url : undefined;
};

export const addressOf = (payee: Payee): Stripe.AddressParam | undefined => {
  const address = payee.usAddress;
  if (!address) return undefined;
  return {
    line1: address.line1,
    line2: address.line2 ?? undefined,
    city: address.city,
    state: address.state,
    postal_code: address.postalCode,
    country: 'US',
  };
};

/** Only with both its time and its address: we do not make up either half. */
export const tosAcceptanceOf = (payee: Payee) =>
  payee.termsAccepted
    ? { date: Math.floor(payee.termsAccepted.at.getTime() / 1000), ip: payee.termsAccepted.ip }
    : undefined;

/** Stripe's requirement names (`individual.dob.day`, `external_account` …) it lists as due. */
const isListed = (due: ReadonlySet<string>, name: string) =>
  due.has(name) || [...due].some((listed) => listed.startsWith(`${name}.`));

/**
 * An existing account's update: for each detail Stripe lists as due (currently, eventually
 * or past) that we hold, that detail, and nothing else. A detail Stripe does not list is
 * never sent again: a verified name, address or id number sent again can send the account
 * back to verification and stop its payouts. `sent` names the requirements answered, in
 * Stripe's terms (`individual.dob`), for the caller to report without the values.
 * - `individual.id_number` is the full SSN; `individual.ssn_last_4` alone is its last four
 *   (the full number answers both, so it is the one sent when both are listed).
 * - `external_account` is not answered here: a bank account is added with its own request
 *   when the freelancer adds it (registerDestination), never from what is stored.
 */
export function payeeUpdateParams(
  payee: Payee,
  due: ReadonlySet<string>,
): { params: Stripe.AccountUpdateParams; sent: string[] } {
  const sent: string[] = [];
  const individual: Stripe.AccountUpdateParams.Individual = {};
  const businessProfile: Stripe.AccountUpdateParams.BusinessProfile = {};
  const params: Stripe.AccountUpdateParams = {};
  const give = (name: string, held: unknown, apply: () => void) => {
    if (held === null || held === undefined || !isListed(due, name)) return;
    apply();
    sent.push(name);
  };
  give('individual.first_name', payee.firstName, () => {
    individual.first_name = payee.firstName!;
  });
  give('individual.last_name', payee.lastName, () => {
    individual.last_name = payee.lastName!;
  });
  give('individual.email', payee.email, () => {
    individual.email = payee.email;
  });
  give('individual.phone', payee.phone, () => {
    individual.phone = payee.phone!;
  });
  give('individual.address', payee.usAddress, () => {
    individual.address = addressOf(payee);
  });
  give('individual.dob', payee.revealDateOfBirth, () => {
    individual.dob = payee.revealDateOfBirth!();
  });
  give('individual.id_number', payee.revealSsn, () => {
    individual.id_number = payee.revealSsn!();
  });
  if (individual.id_number === undefined) {
    give('individual.ssn_last_4', payee.revealSsn, () => {
      individual.ssn_last_4 = payee.revealSsn!().slice(-4);
    });
  }
  give('business_profile.mcc', FREELANCE_MCC, () => {
    businessProfile.mcc = FREELANCE_MCC;
  });
  give('business_profile.product_description', payee, () => {
    businessProfile.product_description = productDescriptionOf(payee);
  });
  give('business_profile.url', siteOf(payee), () => {
    businessProfile.url = siteOf(payee);
  });
  give('tos_acceptance', tosAcceptanceOf(payee), () => {
    params.tos_acceptance = tosAcceptanceOf(payee);
  });
  if (Object.keys(individual).length > 0) params.individual = individual;
  if (Object.keys(businessProfile).length > 0) params.business_profile = businessProfile;
  return { params, sent };
}
