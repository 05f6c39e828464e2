import { chargeRefusal } from './refusal';

describe('chargeRefusal', () => {
  it('links "no billing method" to the billing page, and nothing else', () => {
    expect(chargeRefusal({ reason: 'no-billing-method', message: 'Add a card first.' })).toEqual({
      ok: false,
      message: 'Add a card first.',
      link: { href: '/client/billing', label: 'Add a billing method' },
    });
    expect(chargeRefusal({ reason: 'declined', message: 'Your card was declined.' })).toEqual({
      ok: false,
      message: 'Your card was declined.',
    });
  });
});
