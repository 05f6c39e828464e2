import { invoiceDocument, type InvoiceParties } from './document';
import type { InvoiceLineRow, InvoiceRow } from './issue';

const issuedAt = new Date('2026-12-07T12:00:00Z');
const row = (over: Partial<InvoiceRow>): InvoiceRow => ({
  id: '33333333-3333-4333-8333-333333333333',
  number: 'WB-001007',
  kind: 'milestone',
  contractId: '44444444-4444-4444-8444-444444444444',
  workspaceId: '55555555-5555-4555-8555-555555555555',
  freelancerId: 'f1',
  weekStart: null,
  milestoneId: '66666666-6666-4666-8666-666666666666',
  creditsInvoiceId: null,
  description: '',
  currency: 'USD',
  minutes: null,
  rateCents: null,
  grossCents: 50_000,
  feeBps: 1000,
  feeCents: 5_000,
  netCents: 45_000,
  paymentStatus: 'paid',
  chargeId: null,
  issuedAt,
  paidAt: issuedAt,
  paymentFailedAt: null,
  reviewEndsAt: null,
  approvedAt: null,
  releasedAt: null,
  createdAt: issuedAt,
  updatedAt: issuedAt,
  ...over,
});
const line = (amountCents: number): InvoiceLineRow => ({
  invoiceId: '33333333-3333-4333-8333-333333333333',
  position: 1,
  description: 'First delivery',
  workDate: null,
  minutes: null,
  amountCents,
});
const parties: InvoiceParties = {
  contractTitle: 'Logo',
  client: { workspaceName: 'Acme Studio', ownerName: 'Dana Lee' },
  freelancer: { name: 'Alex Kim', country: 'PT' },
  milestone: { position: 1, description: 'First delivery' },
};

describe('invoiceDocument', () => {
  it('names the milestone funded, words it per side, and shows the stored fee', () => {
    const doc = invoiceDocument(
      row({}),
      [line(50_000)],
      parties,
      { side: 'freelancer', timeZone: 'UTC' },
      { state: 'in_escrow' },
    );
    expect(doc.period).toEqual({ label: 'Milestone', lines: ['Milestone 1: First delivery'] });
    expect(doc.hasHours).toBe(false);
    expect(doc.totals).toMatchObject({
      grossLabel: 'Client pays',
      feeLabel: 'Service fee (10%)',
      fee: '$50.00',
      netLabel: 'You receive',
      net: '$450.00',
    });
    expect(doc.money).toBe('Held in escrow until the milestone is approved.');
  });

  it('shows a credit note as a refund of the invoice it credits', () => {
    const credited = { id: '77777777-7777-4777-8777-777777777777', number: 'WB-001003' };
    const doc = invoiceDocument(
      row({ kind: 'credit_note', milestoneId: null, creditsInvoiceId: credited.id }),
      [line(50_000)],
      { ...parties, milestone: null, credited },
      { side: 'client', timeZone: 'UTC' },
      { state: 'refunded' },
    );
    expect(doc.title).toBe('Credit note');
    expect(doc.credits).toEqual(credited);
    expect(doc.paymentStatus.label).toBe('Refunded');
    expect(doc.totals.grossLabel).toBe('Refunded to you');
    expect(doc.period).toBeNull();
  });
});
