/** How often available money is paid out by itself (the enum withdrawal_frequency). */
export type WithdrawalFrequency = 'off' | 'weekly' | 'twice_monthly' | 'monthly';

export const FREQUENCY_LABELS: Record<WithdrawalFrequency, string> = {
  off: 'Off: I withdraw myself',
  weekly: 'Weekly, every Wednesday',
  twice_monthly: 'Twice a month, the 1st and 3rd Wednesday',
  monthly: 'Monthly, the last Wednesday',
};

const WEDNESDAY = 3;

function daysInUtcMonth(date: Date): number {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/**
 * Whether the UTC day of `date` is a payout day of `frequency` (SPEC 4.E): every Wednesday;
 * the 1st and 3rd Wednesday of the month (days 1–7 and 15–21); the last Wednesday (the
 * month ends less than a week later). Off is never a payout day.
 */
export function isPayoutDay(frequency: WithdrawalFrequency, date: Date): boolean {
  if (frequency === 'off' || date.getUTCDay() !== WEDNESDAY) return false;
  const day = date.getUTCDate();
  switch (frequency) {
    case 'weekly':
      return true;
    case 'twice_monthly':
      return day <= 7 || (day >= 15 && day <= 21);
    case 'monthly':
      return day + 7 > daysInUtcMonth(date);
  }
}

/** The UTC day of `date` as yyyy-mm-dd (the scheduled step's idempotency day). */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first payout day of `frequency` on or after `from` (none when off). */
export function nextPayoutDay(frequency: WithdrawalFrequency, from: Date): Date | null {
  if (frequency === 'off') return null;
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  for (let i = 0; i < 62; i += 1) {
    if (isPayoutDay(frequency, day)) return day;
    day.setUTCDate(day.getUTCDate() + 1);
  }
  throw new Error(`No ${frequency} payout day within two months of ${from.toISOString()}.`);
}
