import {
  describeMoneyState,
  findReleaseOf,
  moneyStateOf,
  needsClientReview,
  type ReleaseRow,
} from './money-state';

const at = new Date('2026-12-02T15:00:00Z');
const reviewEndsAt = new Date('2026-12-05T00:00:00Z');
const base = {
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'hourly' as const,
  milestoneId: null,
  paymentStatus: 'paid' as const,
  paymentFailedAt: null,
  reviewEndsAt,
  releasedAt: null,
};
const release = (over: Partial<ReleaseRow> = {}): ReleaseRow => ({
  sourceType: 'hourly_invoice',
  sourceId: base.id,
  availableAt: new Date('2026-12-09T00:00:00Z'),
  madeAvailableAt: null,
  ...over,
});
const utc = { side: 'freelancer' as const, timeZone: 'UTC' };

describe('where an invoice’s money is', () => {
  it('follows the invoice from payment through review to pending and available', () => {
    expect(moneyStateOf({ ...base, paymentStatus: 'awaiting_payment' }, null)).toEqual({
      state: 'awaiting_payment',
    });
    const failedAt = new Date('2026-12-01T12:00:00Z');
    expect(
      moneyStateOf({ ...base, paymentStatus: 'payment_failed', paymentFailedAt: failedAt }, null),
    ).toEqual({ state: 'payment_failed', since: failedAt });
    expect(moneyStateOf(base, null)).toEqual({ state: 'in_review', until: reviewEndsAt });
    expect(moneyStateOf({ ...base, kind: 'milestone' }, null)).toEqual({ state: 'in_escrow' });
    const pending = release();
    expect(describeMoneyState(moneyStateOf(base, pending), utc)).toBe(
      'Released; pending until December 9, 2026, 00:00 UTC, then available to you.',
    );
    const madeAvailableAt = new Date('2026-12-09T00:05:00Z');
    expect(moneyStateOf(base, release({ madeAvailableAt }))).toEqual({
      state: 'available',
      since: madeAvailableAt,
    });
    expect(moneyStateOf({ ...base, kind: 'credit_note' }, null)).toEqual({ state: 'refunded' });
  });

  it('finds the release under the source MONEY-KEYS names for each kind', () => {
    const milestoneId = '22222222-2222-4222-8222-222222222222';
    const rows = [
      release(),
      release({ sourceType: 'milestone', sourceId: milestoneId }),
      release({ sourceType: 'dispute', sourceId: base.id }),
    ];
    expect(findReleaseOf(base, rows)).toBe(rows[0]);
    expect(findReleaseOf({ ...base, kind: 'milestone', milestoneId }, rows)).toBe(rows[1]);
    expect(findReleaseOf({ ...base, kind: 'bonus' }, rows)).toBeNull();
    expect(findReleaseOf({ ...base, kind: 'credit_note' }, rows)).toBeNull();
  });

  it('asks the client to review a paid hourly week only until its review ends', () => {
    expect(needsClientReview(base, at)).toBe(true);
    expect(needsClientReview(base, reviewEndsAt)).toBe(false);
    expect(needsClientReview({ ...base, releasedAt: at }, at)).toBe(false);
    expect(needsClientReview({ ...base, paymentStatus: 'awaiting_payment' }, at)).toBe(false);
    expect(needsClientReview({ ...base, kind: 'milestone' }, at)).toBe(false);
  });
});
