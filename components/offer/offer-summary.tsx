import type { OfferTerms } from '@/lib/invites/offer-terms';
import { computeNetPay } from '@/lib/invites/offer-terms';
import { formatMoney, formatPercent } from '@/lib/money/money';

/** Every term of an offer with the fee and the net pay, for the freelancer. */
export function OfferSummary({
  terms,
  headingLevel = 2,
}: {
  terms: OfferTerms;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const pay = computeNetPay(terms);
  const money = (c: number) => formatMoney(c, terms.currency);
  return (
    <section className="card" aria-label={`Offer: ${terms.title}`}>
      <H>{terms.title}</H>
      {terms.description && <p style={{ whiteSpace: 'pre-wrap' }}>{terms.description}</p>}
      <dl className="net-pay">
        <dt>Starts</dt>
        <dd>{terms.startDate}</dd>
        <dt>Contract type</dt>
        <dd>{terms.kind === 'hourly' ? 'Hourly' : 'Fixed price'}</dd>
        {pay.kind === 'hourly' ? (
          <>
            <dt>Hourly rate</dt>
            <dd>{money(pay.grossPerHour)}</dd>
            <dt>Service fee</dt>
            <dd>{formatPercent(terms.feeBps)}</dd>
            <dt>You receive per hour</dt>
            <dd>{money(pay.netPerHour)}</dd>
            <dt>Weekly limit</dt>
            <dd>{pay.weeklyLimitHours === null ? 'No limit' : `${pay.weeklyLimitHours} hours`}</dd>
            {pay.netPerWeek !== null && (
              <>
                <dt>You receive for a full week</dt>
                <dd>{money(pay.netPerWeek)}</dd>
              </>
            )}
            <dt>Manual time entries</dt>
            <dd>{terms.allowManualTime ? 'Allowed' : 'Not allowed'}</dd>
          </>
        ) : (
          <>
            {pay.milestones.map((m, i) => (
              <div key={i}>
                <dt>
                  Milestone {i + 1}: {m.description} (due {m.dueDate}), {money(m.gross)}
                </dt>
                <dd>you receive {money(m.net)}</dd>
              </div>
            ))}
            <dt>Total</dt>
            <dd>{money(pay.grossTotal)}</dd>
            <dt>Service fee</dt>
            <dd>{formatPercent(terms.feeBps)}</dd>
            <dt>You receive in total</dt>
            <dd>{money(pay.netTotal)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
