import type { ContractSide } from '@/lib/contracts/access';
import { formatWithUtc } from '@/lib/dates/with-utc';
import type { InvoiceRow } from './issue';

/** The pending_release fields that say when released money becomes available. */
export type ReleaseRow = {
  sourceType: string;
  sourceId: string;
  availableAt: Date;
  madeAvailableAt: Date | null;
};

/**
 * Where an invoice's money is (SPEC 4.C, 4.E): not paid yet, in the client's review, in
 * escrow, released and pending until a date, available, or refunded (a credit note).
 */
export type MoneyState =
  | { state: 'awaiting_payment' }
  | { state: 'payment_failed'; since: Date | null }
  | { state: 'in_review'; until: Date | null }
  | { state: 'in_escrow' }
  | { state: 'pending'; availableAt: Date }
  | { state: 'available'; since: Date }
  | { state: 'released' }
  | { state: 'refunded' };

/**
 * The pending_release that an invoice's release wrote (MONEY-KEYS): an hourly week and a
 * bonus under the invoice's id, a milestone under the milestone's id.
 */
export function releaseSourceOf(
  invoice: Pick<InvoiceRow, 'id' | 'kind' | 'milestoneId'>,
): { type: string; id: string } | null {
  switch (invoice.kind) {
    case 'hourly':
      return { type: 'hourly_invoice', id: invoice.id };
    case 'bonus':
      return { type: 'bonus', id: invoice.id };
    case 'milestone':
      return invoice.milestoneId ? { type: 'milestone', id: invoice.milestoneId } : null;
    case 'credit_note':
      return null;
  }
}

/** The release of this invoice among a contract's pending releases, if there is one. */
export function findReleaseOf(
  invoice: Pick<InvoiceRow, 'id' | 'kind' | 'milestoneId'>,
  releases: ReleaseRow[],
): ReleaseRow | null {
  const source = releaseSourceOf(invoice);
  if (!source) return null;
  return releases.find((r) => r.sourceType === source.type && r.sourceId === source.id) ?? null;
}

export function moneyStateOf(
  invoice: Pick<
    InvoiceRow,
    'kind' | 'paymentStatus' | 'paymentFailedAt' | 'reviewEndsAt' | 'releasedAt'
  >,
  release: ReleaseRow | null,
): MoneyState {
  if (invoice.kind === 'credit_note') return { state: 'refunded' };
  if (release?.madeAvailableAt) return { state: 'available', since: release.madeAvailableAt };
  if (release) return { state: 'pending', availableAt: release.availableAt };
  if (invoice.paymentStatus === 'awaiting_payment') return { state: 'awaiting_payment' };
  if (invoice.paymentStatus === 'payment_failed') {
    return { state: 'payment_failed', since: invoice.paymentFailedAt };
  }
  // Paid and not released yet (a release always writes its pending_release row).
  if (invoice.releasedAt) return { state: 'released' };
  if (invoice.kind === 'milestone') return { state: 'in_escrow' };
  return { state: 'in_review', until: invoice.reviewEndsAt };
}

/** The state in one sentence for the reader, times in their zone with UTC beside. */
export function describeMoneyState(
  money: MoneyState,
  reader: { side: ContractSide; timeZone: string },
): string {
  const when = (at: Date) => formatWithUtc(at, reader.timeZone);
  const client = reader.side === 'client';
  const freelancer = reader.side === 'freelancer' ? 'you' : 'the freelancer';
  switch (money.state) {
    case 'awaiting_payment':
      return client ? 'Waiting for your payment.' : 'Waiting for the client’s payment.';
    case 'payment_failed':
      return `The payment failed${money.since ? ` on ${when(money.since)}` : ''}; it is retried on a schedule.`;
    case 'in_review':
      return money.until
        ? `${client ? 'In your review' : 'In the client’s review'} until ${when(money.until)}.`
        : 'In review.';
    case 'in_escrow':
      return 'Held in escrow until the milestone is approved.';
    case 'pending':
      return `Released; pending until ${when(money.availableAt)}, then available to ${freelancer}.`;
    case 'available':
      return `Released; available to ${freelancer} since ${when(money.since)}.`;
    case 'released':
      return 'Released from review (see the dispute for the amount in question).';
    case 'refunded':
      return 'Refunded to the client.';
  }
}

/** An hourly invoice waits for the client's review: paid, not released, review still open. */
export function needsClientReview(
  invoice: Pick<InvoiceRow, 'kind' | 'paymentStatus' | 'releasedAt' | 'reviewEndsAt'>,
  at: Date,
): boolean {
  return (
    invoice.kind === 'hourly' &&
    invoice.paymentStatus === 'paid' &&
    invoice.releasedAt === null &&
    invoice.reviewEndsAt !== null &&
    invoice.reviewEndsAt.getTime() > at.getTime()
  );
}
