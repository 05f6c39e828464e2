/**
 * Dates as the app shows them, always in UTC like the emails. The formatters are built once:
 * `toLocaleDateString` with options builds a new `Intl.DateTimeFormat` on every call, about
 * 45 µs each here, and pages such as the invite landing format several dates per request.
 */
const longDate = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const longDateTime = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** "March 11, 2026" */
export function formatLongDate(date: Date): string {
  return longDate.format(date);
}

/** "March 11, 2026 at 8:30 AM UTC" */
export function formatLongDateTime(date: Date): string {
  return `${longDateTime.format(date)} UTC`;
}
