import { formatMoney } from '@/lib/money/money';
import styles from './money.module.css';

/**
 * An amount of integer cents, always through lib/money's formatter ("$1,900.00"), with
 * figures of one width so amounts line up in a column. `signed` shows "+" on a credit.
 */
export function Money({
  cents,
  currency = 'USD',
  signed = false,
}: {
  cents: number;
  currency?: string;
  signed?: boolean;
}) {
  const text = formatMoney(cents, currency);
  return <span className={styles.money}>{signed && cents > 0 ? `+${text}` : text}</span>;
}
