import type { ReactNode } from 'react';
import styles from './notice.module.css';

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger';

/**
 * A message in a coloured box. `announce` is for a notice that answers something the
 * person just did (a saved form, a failed send): a danger one is role="alert" (read out at
 * once), the others role="status" (read out politely). A notice that is simply part of the
 * page (a standing warning) has no role: a screen reader meets it in reading order.
 */
export function Notice({
  tone = 'info',
  title,
  announce = false,
  children,
}: {
  tone?: NoticeTone;
  title?: string;
  announce?: boolean;
  children: ReactNode;
}) {
  const role = announce ? (tone === 'danger' ? 'alert' : 'status') : undefined;
  return (
    <div className={`${styles.notice} ${styles[tone]}`} role={role}>
      {title && <p className={styles.title}>{title}</p>}
      <div className={styles.body}>{children}</div>
    </div>
  );
}
