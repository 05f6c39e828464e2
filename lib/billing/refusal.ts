const ADD_BILLING_METHOD = { href: '/client/billing', label: 'Add a billing method' };

/**
 * A refusal of a service that charges the client's card (Pay now, funding a milestone, a
 * bonus), as its form shows it: "no billing method" carries the link to add one.
 */
export function chargeRefusal(result: { reason: string; message: string }) {
  return result.reason === 'no-billing-method'
    ? { ok: false as const, message: result.message, link: ADD_BILLING_METHOD }
    : { ok: false as const, message: result.message };
}
