import { formatMoney } from '@/lib/money/money';

/**
 * A proposal's status as the freelancer reads it. Archiving is the client's own filing, so
 * to the freelancer an archived proposal is still simply sent.
 */
export const FREELANCER_STATUS_LABELS = {
  submitted: 'Sent',
  shortlisted: 'Shortlisted',
  archived: 'Sent',
  offered: 'Offer received',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
} as const;

/** "$45.00 an hour", "$1,200.00 for the project" or "$1,200.00 in milestones". */
export function bidText(p: {
  bidShape: 'hourly' | 'project' | 'milestones';
  hourlyRateCents: number | null;
  bidCents: number | null;
  currency: string;
}): string {
  if (p.bidShape === 'hourly') return `${formatMoney(p.hourlyRateCents ?? 0, p.currency)} an hour`;
  const total = formatMoney(p.bidCents ?? 0, p.currency);
  return p.bidShape === 'project' ? `${total} for the project` : `${total} in milestones`;
}
