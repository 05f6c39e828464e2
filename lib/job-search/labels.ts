/** The search page's choices, in the words the page shows. */
export const KIND_OPTIONS = [
  { value: 'hourly', label: 'Hourly' },
  { value: 'fixed', label: 'Fixed price' },
];
export const EXPERIENCE_OPTIONS = [
  { value: 'entry', label: 'Entry level' },
  { value: 'intermediate', label: 'Intermediate' },
  { value: 'expert', label: 'Expert' },
];
export const DURATION_OPTIONS = [
  { value: 'under_1_month', label: 'Under a month' },
  { value: '1_to_3_months', label: '1 to 3 months' },
  { value: '3_to_6_months', label: '3 to 6 months' },
  { value: 'over_6_months', label: 'Over 6 months' },
];
export const WORKLOAD_OPTIONS = [
  { value: 'under_10', label: 'Under 10 hours a week' },
  { value: '10_to_30', label: '10 to 30 hours a week' },
  { value: 'over_30', label: 'Over 30 hours a week' },
];
export const POSTED_OPTIONS = [
  { value: '24h', label: 'Last 24 hours' },
  { value: '3d', label: 'Last 3 days' },
  { value: '7d', label: 'Last 7 days' },
  { value: '30d', label: 'Last 30 days' },
];
export const SORT_OPTIONS = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest' },
];

/** "Posted 3 hours ago", to the minute under an hour and in days past a day. */
export function formatPostedAgo(openedAt: Date, at: Date): string {
  const minutes = Math.max(0, Math.floor((at.getTime() - openedAt.getTime()) / 60_000));
  if (minutes < 1) return 'Posted just now';
  if (minutes < 60) return `Posted ${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `Posted ${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  return `Posted ${days} day${days === 1 ? '' : 's'} ago`;
}
