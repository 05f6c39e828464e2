import type { PayoutMethodRow } from './queries';
import { formatLongDateTime } from '@/lib/dates/format';

/** How payout methods are named on pages and in emails: masked, last four only. */
export const PAYOUT_KIND_LABELS: Record<PayoutMethodRow['kind'], string> = {
  us_bank: 'US bank account',
  iban: 'International bank account (IBAN)',
  paypal: 'PayPal',
  payoneer: 'Payoneer',
};

/** "a•••@example.com": enough to recognise one's own address, not to read it off a screen. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email[0]}•••${email.slice(at)}`;
}

type Describable = Pick<PayoutMethodRow, 'kind' | 'accountType' | 'last4' | 'email'>;

/** "bank account ending 6789", as it reads inside a sentence. */
export function methodShortName(m: Describable): string {
  switch (m.kind) {
    case 'us_bank':
      return `bank account ending ${m.last4}`;
    case 'iban':
      return `international bank account ending ${m.last4}`;
    case 'paypal':
      return `PayPal account ${maskEmail(m.email ?? '')}`;
    case 'payoneer':
      return `Payoneer account ${maskEmail(m.email ?? '')}`;
  }
}

/** "US bank account (checking) ending 6789", for lists and emails. */
export function methodTitle(m: Describable): string {
  switch (m.kind) {
    case 'us_bank':
      return `US bank account (${m.accountType ?? 'checking'}) ending ${m.last4}`;
    case 'iban':
      return `International bank account (IBAN) ending ${m.last4}`;
    default:
      return `${PAYOUT_KIND_LABELS[m.kind]} ${maskEmail(m.email ?? '')}`;
  }
}

/** Hold ends are instants, so the time is shown too: in UTC like the emails, or the viewer's zone. */
export function formatHoldEnd(date: Date, timeZone = 'UTC'): string {
  return formatLongDateTime(date, timeZone);
}

export type PayoutMethodView = PayoutMethodRow & { title: string; isUsable: boolean };

export function toView(row: PayoutMethodRow, now = new Date()): PayoutMethodView {
  return { ...row, title: methodTitle(row), isUsable: row.usableAfter.getTime() <= now.getTime() };
}
