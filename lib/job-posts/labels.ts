/** The words for a job post's choices, shared by the client's pages and the public page. */
export const EXPERIENCE_LABELS = {
  entry: 'Entry level',
  intermediate: 'Intermediate',
  expert: 'Expert',
} as const;
export const DURATION_LABELS = {
  under_1_month: 'Less than 1 month',
  '1_to_3_months': '1 to 3 months',
  '3_to_6_months': '3 to 6 months',
  over_6_months: 'More than 6 months',
} as const;
export const WORKLOAD_LABELS = {
  under_10: 'Less than 10 hours a week',
  '10_to_30': '10 to 30 hours a week',
  over_30: 'More than 30 hours a week',
} as const;
export const STATUS_LABELS = {
  draft: 'Draft',
  open: 'Open',
  closed: 'Closed',
  expired: 'Expired',
} as const;

export const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: cents % 100 ? 2 : 0, maximumFractionDigits: 2 })}`;

/** "$30–$60 an hour" or "Fixed price: $1,500". */
export function budgetText(post: {
  budgetKind: 'hourly' | 'fixed';
  hourlyMinCents: number | null;
  hourlyMaxCents: number | null;
  fixedBudgetCents: number | null;
}): string {
  if (post.budgetKind === 'hourly')
    return `${dollars(post.hourlyMinCents ?? 0)}–${dollars(post.hourlyMaxCents ?? 0)} an hour`;
  return `Fixed price: ${dollars(post.fixedBudgetCents ?? 0)}`;
}
