import Link from 'next/link';
import styles from './dev-banner.module.css';

/**
 * Says, on every page, which parts of the app are stand-ins: the local mailbox instead of
 * real email, and the simulated card processor instead of Stripe. Shown whenever either runs.
 */
export function DevBanner({
  mailbox,
  simulatedPayments,
}: {
  mailbox: boolean;
  simulatedPayments: boolean;
}) {
  if (!mailbox && !simulatedPayments) return null;
  return (
    <aside aria-label="Development mode" className={styles.banner}>
      <p>
        <strong>Development mode.</strong>{' '}
        {mailbox && (
          <>
            Email goes to the <Link href="/dev/mail">local mailbox</Link>, not to real inboxes.{' '}
          </>
        )}
        {simulatedPayments && <>Payments use a simulated card processor: no real money moves.</>}
      </p>
    </aside>
  );
}
