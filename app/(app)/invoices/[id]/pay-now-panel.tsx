import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { formatWithUtc } from '@/lib/dates/with-utc';
import type { PayNowOffer } from '@/lib/hourly/pay-now';
import { PayNowForm } from './pay-now-form';

export type PayNowOutcome = 'paid' | 'processing' | 'declined';

/**
 * The client's side of a failed payment on the invoice page: what failed and when it is tried
 * again, the Pay now form (or where to add a card), and the answer of the last Pay now.
 */
export function PayNowPanel({
  invoiceId,
  isPaid,
  offer,
  outcome,
  cardTitle,
  timeZone,
}: {
  invoiceId: string;
  isPaid: boolean;
  offer: PayNowOffer | null;
  outcome: PayNowOutcome | undefined;
  cardTitle: string | null;
  timeZone: string;
}) {
  if (isPaid) {
    return outcome ? (
      <Notice tone="success" announce>
        Paid: the invoice is settled, and new time on the contract is no longer paused for it.
      </Notice>
    ) : null;
  }
  if (!offer) {
    return outcome === 'processing' || outcome === 'declined' ? (
      <Notice tone="info" announce>
        Your payment is processing. This page shows the result once it settles, usually within a
        minute.
      </Notice>
    ) : null;
  }
  return (
    <section aria-labelledby="pay-now-title" data-print="hide">
      <Notice tone={outcome === 'declined' ? 'danger' : 'warning'} announce={!!outcome}>
        <h2 id="pay-now-title">
          {outcome === 'declined' ? 'Your card was declined again' : 'Payment failed'}
        </h2>
        <p>
          The charge was declined ({offer.failureReason}).{' '}
          {offer.nextAttemptAt
            ? `We try your default card again automatically on ${formatWithUtc(offer.nextAttemptAt, timeZone)}.`
            : 'No automatic retry is left.'}{' '}
          While it is unpaid, new time on this contract pauses 7 days after the first failure.
        </p>
        {cardTitle ? (
          <>
            <p>
              Pay now charges your default card: {cardTitle}.{' '}
              <Link href="/client/billing">Change it on the billing page</Link>.
            </p>
            <PayNowForm invoiceId={invoiceId} attempt={offer.attempt} />
          </>
        ) : (
          <p>
            You have no billing method. <Link href="/client/billing">Add a billing method</Link>,
            then pay the invoice here.
          </p>
        )}
      </Notice>
    </section>
  );
}
