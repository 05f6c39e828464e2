import { displayStatus, STATUS_LABELS, type StatusInputs } from './status';

const now = new Date('2026-06-01T12:00:00Z');
const pending: StatusInputs = {
  status: 'pending',
  expiresAt: new Date('2026-06-20T00:00:00Z'),
  outboxStatus: 'queued',
  deliveryEvent: null,
  openedAt: null,
};

describe('displayStatus', () => {
  it.each([
    [{}, 'queued'],
    [{ outboxStatus: 'sending' }, 'queued'],
    [{ outboxStatus: 'sent' }, 'sent'],
    [{ outboxStatus: 'sent', deliveryEvent: 'delivered' }, 'delivered'],
    [{ outboxStatus: 'sent', deliveryEvent: 'delivered', openedAt: now }, 'opened'],
    [{ outboxStatus: 'sent', deliveryEvent: 'bounced' }, 'bounced'],
    [{ outboxStatus: 'sent', deliveryEvent: 'complained' }, 'bounced'],
    [{ outboxStatus: 'failed' }, 'failed'],
    [{ expiresAt: now }, 'expired'],
    [{ status: 'accepted', expiresAt: new Date(0) }, 'accepted'],
    [{ status: 'declined' }, 'declined'],
    [{ status: 'revoked', outboxStatus: 'failed' }, 'revoked'],
    [{ status: 'expired' }, 'expired'],
  ] as const)('shows %j as %s', (change, expected) => {
    expect(displayStatus({ ...pending, ...change } as StatusInputs, now)).toBe(expected);
  });

  it('has a label for every status', () => {
    expect(STATUS_LABELS.failed).toBe('Delivery failed');
    expect(Object.keys(STATUS_LABELS)).toHaveLength(10);
  });
});
