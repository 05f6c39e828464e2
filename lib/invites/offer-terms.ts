import { formatMoney, formatPercent, netCents } from '@/lib/money/money';

export type OfferTerms = {
  kind: 'hourly' | 'fixed';
  title: string;
  description: string;
  startDate: string;
  currency: string;
  hourlyRateCents: number | null;
  weeklyLimitHours: number | null;
  allowManualTime: boolean;
  feeBps: number;
  milestones: { description: string; amountCents: number; dueDate: string }[];
};

export type NetPay =
  | {
      kind: 'hourly';
      grossPerHour: number;
      netPerHour: number;
      weeklyLimitHours: number | null;
      grossPerWeek: number | null;
      netPerWeek: number | null;
    }
  | {
      kind: 'fixed';
      milestones: { description: string; gross: number; net: number; dueDate: string }[];
      grossTotal: number;
      netTotal: number;
    };

/** What the freelancer receives after the service fee: per hour and week, or per milestone. */
export function computeNetPay(
  terms: Pick<
    OfferTerms,
    'kind' | 'hourlyRateCents' | 'weeklyLimitHours' | 'feeBps' | 'milestones'
  >,
): NetPay {
  if (terms.kind === 'hourly') {
    const gross = terms.hourlyRateCents ?? 0;
    const limit = terms.weeklyLimitHours;
    return {
      kind: 'hourly',
      grossPerHour: gross,
      netPerHour: netCents(gross, terms.feeBps),
      weeklyLimitHours: limit,
      grossPerWeek: limit === null ? null : gross * limit,
      netPerWeek: limit === null ? null : netCents(gross * limit, terms.feeBps),
    };
  }
  const rows = terms.milestones.map((m) => ({
    description: m.description,
    gross: m.amountCents,
    net: netCents(m.amountCents, terms.feeBps),
    dueDate: m.dueDate,
  }));
  const grossTotal = rows.reduce((sum, m) => sum + m.gross, 0);
  return {
    kind: 'fixed',
    milestones: rows,
    grossTotal,
    netTotal: rows.reduce((sum, m) => sum + m.net, 0),
  };
}

/** Who reads an offer: the client pays the gross, the freelancer receives it minus the fee. */
export type OfferAudience = 'client' | 'freelancer';

/** Plain sentences for emails and summaries, worded for the one who reads them. */
export function describeNetPay(terms: OfferTerms, audience: OfferAudience): string[] {
  const pay = computeNetPay(terms);
  const fee = formatPercent(terms.feeBps);
  const money = (c: number) => formatMoney(c, terms.currency);
  const client = audience === 'client';
  if (pay.kind === 'hourly') {
    const perHour = client
      ? `You pay ${money(pay.grossPerHour)} an hour; the freelancer receives ${money(pay.netPerHour)} an hour after the ${fee} service fee.`
      : `${money(pay.grossPerHour)} an hour; you receive ${money(pay.netPerHour)} an hour after the ${fee} service fee.`;
    if (pay.weeklyLimitHours === null) return [perHour, 'No weekly limit on hours.'];
    const week = client
      ? `you pay ${money(pay.grossPerWeek ?? 0)} and the freelancer receives ${money(pay.netPerWeek ?? 0)} for a full week.`
      : `${money(pay.netPerWeek ?? 0)} for a full week after the fee.`;
    return [perHour, `Up to ${pay.weeklyLimitHours} hours a week: ${week}`];
  }
  return [
    ...pay.milestones.map((m, i) =>
      client
        ? `Milestone ${i + 1}, ${m.description}: you pay ${money(m.gross)}; the freelancer receives ${money(m.net)} (due ${m.dueDate}).`
        : `Milestone ${i + 1}, ${m.description}: ${money(m.gross)}; you receive ${money(m.net)} (due ${m.dueDate}).`,
    ),
    client
      ? `Total: you pay ${money(pay.grossTotal)}; the freelancer receives ${money(pay.netTotal)} after the ${fee} service fee.`
      : `Total ${money(pay.grossTotal)}; you receive ${money(pay.netTotal)} after the ${fee} service fee.`,
  ];
}
