import type { OfferAudience, OfferTerms } from '@/lib/invites/offer-terms';
import { computeNetPay } from '@/lib/invites/offer-terms';
import { formatMoney, formatPercent } from '@/lib/money/money';

// The client pays the gross; the freelancer receives it after the service fee.
const LABELS = {
  client: { rate: 'You pay per hour', total: 'You pay in total', receives: 'Freelancer receives' },
  freelancer: { rate: 'Hourly rate', total: 'Total', receives: 'You receive' },
  // Ops read every contract page: the terms in the third person.
  ops: { rate: 'Hourly rate', total: 'Total', receives: 'Freelancer receives' },
} as const;

/** Every term of an offer with the fee and the net pay, worded for `audience`. */
export function OfferSummary({
  terms,
  audience,
  headingLevel = 2,
}: {
  terms: OfferTerms;
  audience: OfferAudience | 'ops';
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const pay = computeNetPay(terms);
  const money = (c: number) => formatMoney(c, terms.currency);
  const label = LABELS[audience];
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
            <dt>{label.rate}</dt>
            <dd>{money(pay.grossPerHour)}</dd>
            <dt>Service fee</dt>
            <dd>{formatPercent(terms.feeBps)}</dd>
            <dt>{label.receives} per hour</dt>
            <dd>{money(pay.netPerHour)}</dd>
            <dt>Weekly limit</dt>
            <dd>{pay.weeklyLimitHours === null ? 'No limit' : `${pay.weeklyLimitHours} hours`}</dd>
            {pay.netPerWeek !== null && (
              <>
                <dt>{label.receives} for a full week</dt>
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
                <dd>
                  {label.receives.toLowerCase()} {money(m.net)}
                </dd>
              </div>
            ))}
            <dt>{label.total}</dt>
            <dd>{money(pay.grossTotal)}</dd>
            <dt>Service fee</dt>
            <dd>{formatPercent(terms.feeBps)}</dd>
            <dt>{label.receives} in total</dt>
            <dd>{money(pay.netTotal)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
