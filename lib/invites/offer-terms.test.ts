import { HOURLY_TERMS as hourly } from '@/tests/helpers/invite-fixtures';
import { describeNetPay, type OfferTerms } from './offer-terms';

const fixed: OfferTerms = {
  ...hourly,
  kind: 'fixed',
  hourlyRateCents: null,
  weeklyLimitHours: null,
  milestones: [
    { description: 'Wireframes', amountCents: 50_000, dueDate: '2026-12-10' },
    { description: 'Final files', amountCents: 25_050, dueDate: '2026-12-20' },
  ],
};

describe('describeNetPay', () => {
  it('tells the client what they pay and what the freelancer receives, never "you receive"', () => {
    expect(describeNetPay(hourly, 'client')).toEqual([
      'You pay $45.00 an hour; the freelancer receives $42.75 an hour after the 5% service fee.',
      'Up to 40 hours a week: you pay $1,800.00 and the freelancer receives $1,710.00 for a full week.',
    ]);
    expect(describeNetPay(fixed, 'client')).toEqual([
      'Milestone 1, Wireframes: you pay $500.00; the freelancer receives $475.00 (due 2026-12-10).',
      // 5% of $250.50 is 1,252.5 cents, rounded half away from zero to $12.53.
      'Milestone 2, Final files: you pay $250.50; the freelancer receives $237.97 (due 2026-12-20).',
      'Total: you pay $750.50; the freelancer receives $712.97 after the 5% service fee.',
    ]);
  });

  it('tells the freelancer what they receive after the fee', () => {
    expect(describeNetPay({ ...hourly, weeklyLimitHours: null }, 'freelancer')).toEqual([
      '$45.00 an hour; you receive $42.75 an hour after the 5% service fee.',
      'No weekly limit on hours.',
    ]);
    expect(describeNetPay(fixed, 'freelancer').at(-1)).toBe(
      'Total $750.50; you receive $712.97 after the 5% service fee.',
    );
  });
});
