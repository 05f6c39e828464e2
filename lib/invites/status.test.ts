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
    [{ status: 'joined', expiresAt: new Date(0) }, 'joined'],
    [{ status: 'declined' }, 'declined'],
    [{ status: 'revoked', outboxStatus: 'failed' }, 'revoked'],
    [{ status: 'expired' }, 'expired'],
  ] as const)('shows %j as %s', (change, expected) => {
    expect(displayStatus({ ...pending, ...change } as StatusInputs, now)).toBe(expected);
  });

  it('has a label for every status', () => {
    expect(STATUS_LABELS.failed).toBe('Delivery failed');
    expect(Object.keys(STATUS_LABELS)).toHaveLength(14);
  });
});

describe('after the freelancer joined', () => {
  const base = {
    status: 'joined' as const,
    expiresAt: new Date(Date.now() + 86_400_000),
    outboxStatus: 'sent' as const,
    deliveryEvent: null,
    openedAt: new Date(),
  };
  it('says "joined, reviewing" until the contract is decided, then accepted', () => {
    expect(displayStatus({ ...base, contractStatus: 'offered' })).toBe('joined');
    expect(STATUS_LABELS.joined).toBe('Joined, reviewing the offer');
    expect(displayStatus({ ...base, contractStatus: 'active' })).toBe('accepted');
    expect(displayStatus({ ...base, contractStatus: 'ended' })).toBe('ended');
    expect(STATUS_LABELS.ended).toBe('Accepted; the contract has ended');
  });

  it('never says "accepted" because the link was used: only the contract is accepted', () => {
    expect(displayStatus({ ...base, contractStatus: null })).toBe('joined');
    expect(displayStatus(base)).toBe('joined');
  });

  it('says an accepted contract held for compliance starts after the check', () => {
    const status = displayStatus({ ...base, contractStatus: 'awaiting_compliance' });
    expect(status).toBe('awaiting_compliance');
    expect(STATUS_LABELS[status]).toBe('Accepted; starts after the compliance check');
  });

  it('says a contract whose compliance check was rejected cannot start until the freelancer passes', () => {
    const status = displayStatus({
      ...base,
      contractStatus: 'awaiting_compliance',
      complianceRejected: true,
    });
    expect(status).toBe('compliance_rejected');
    expect(STATUS_LABELS[status]).not.toMatch(/starts after/);
    expect(STATUS_LABELS[status]).toMatch(/cannot start until the freelancer passes/);
  });
});
