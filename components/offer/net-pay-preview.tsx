import { computeNetPay, type OfferAudience } from '@/lib/invites/offer-terms';
import { formatMoney, formatPercent } from '@/lib/money/money';

export type PreviewInput = {
  kind: 'hourly' | 'fixed';
  hourlyRateCents: number | null;
  weeklyLimitHours: number | null;
  milestones: { description: string; amountCents: number | null }[];
  feeBps: number;
};

// What each side reads: the client pays the gross, the freelancer receives it after the fee.
const LABELS = {
  client: { pays: 'You pay', receives: 'Freelancer receives' },
  freelancer: { pays: 'Client pays', receives: 'You receive' },
} as const;

/**
 * What the client pays and what the freelancer receives after the service fee, worded for
 * `audience`; recomputed as the client types.
 */
export function NetPayPreview({
  input,
  audience,
}: {
  input: PreviewInput;
  audience: OfferAudience;
}) {
  const fee = formatPercent(input.feeBps);
  const label = LABELS[audience];
  if (input.kind === 'hourly') {
    const pay = computeNetPay({
      kind: 'hourly',
      hourlyRateCents: input.hourlyRateCents ?? 0,
      weeklyLimitHours: input.weeklyLimitHours,
      feeBps: input.feeBps,
      milestones: [],
    });
    if (pay.kind !== 'hourly') return null;
    const amount = (cents: number | null) =>
      input.hourlyRateCents && cents !== null ? formatMoney(cents) : '—';
    return (
      <dl className="net-pay">
        <dt>{label.pays} per hour</dt>
        <dd>{amount(pay.grossPerHour)}</dd>
        <dt>{label.receives} per hour</dt>
        <dd>{amount(pay.netPerHour)}</dd>
        <dt>Per full week at the limit</dt>
        <dd>
          {pay.weeklyLimitHours === null
            ? 'No weekly limit'
            : input.hourlyRateCents
              ? `${label.pays} ${formatMoney(pay.grossPerWeek ?? 0)}, ${label.receives.toLowerCase()} ${formatMoney(pay.netPerWeek ?? 0)} (${pay.weeklyLimitHours} h)`
              : '—'}
        </dd>
        <dt>Service fee</dt>
        <dd>{fee}</dd>
      </dl>
    );
  }
  const valid = input.milestones.filter((m) => m.amountCents !== null) as {
    description: string;
    amountCents: number;
  }[];
  const pay = computeNetPay({
    kind: 'fixed',
    hourlyRateCents: null,
    weeklyLimitHours: null,
    feeBps: input.feeBps,
    milestones: valid.map((m) => ({ ...m, dueDate: '' })),
  });
  if (pay.kind !== 'fixed') return null;
  return (
    <dl className="net-pay">
      {pay.milestones.map((m, i) => (
        <div key={i}>
          <dt>
            Milestone {i + 1}
            {m.description ? `: ${m.description}` : ''}
          </dt>
          <dd>
            {label.pays} {formatMoney(m.gross)}, {label.receives.toLowerCase()} {formatMoney(m.net)}
          </dd>
        </div>
      ))}
      <dt>{label.pays} in total</dt>
      <dd>{valid.length ? formatMoney(pay.grossTotal) : '—'}</dd>
      <dt>{label.receives} in total</dt>
      <dd>{valid.length ? formatMoney(pay.netTotal) : '—'}</dd>
      <dt>Service fee</dt>
      <dd>{fee}</dd>
    </dl>
  );
}
