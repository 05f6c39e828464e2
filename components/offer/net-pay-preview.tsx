import { computeNetPay } from '@/lib/invites/offer-terms';
import { formatMoney, formatPercent } from '@/lib/money/money';

export type PreviewInput = {
  kind: 'hourly' | 'fixed';
  hourlyRateCents: number | null;
  weeklyLimitHours: number | null;
  milestones: { description: string; amountCents: number | null }[];
  feeBps: number;
};

/** What the freelancer receives after the service fee; recomputed as the client types. */
export function NetPayPreview({ input }: { input: PreviewInput }) {
  const fee = formatPercent(input.feeBps);
  if (input.kind === 'hourly') {
    const pay = computeNetPay({
      kind: 'hourly',
      hourlyRateCents: input.hourlyRateCents ?? 0,
      weeklyLimitHours: input.weeklyLimitHours,
      feeBps: input.feeBps,
      milestones: [],
    });
    if (pay.kind !== 'hourly') return null;
    return (
      <dl className="net-pay">
        <dt>Freelancer receives per hour</dt>
        <dd>{input.hourlyRateCents ? formatMoney(pay.netPerHour) : '—'}</dd>
        <dt>Per full week at the limit</dt>
        <dd>
          {pay.weeklyLimitHours === null
            ? 'No weekly limit'
            : input.hourlyRateCents
              ? `${formatMoney(pay.netPerWeek ?? 0)} (${pay.weeklyLimitHours} h)`
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
          <dd>{formatMoney(m.net)}</dd>
        </div>
      ))}
      <dt>Freelancer receives in total</dt>
      <dd>{valid.length ? formatMoney(pay.netTotal) : '—'}</dd>
      <dt>Service fee</dt>
      <dd>{fee}</dd>
    </dl>
  );
}
