import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './confirm-link.module.css';

/**
 * The first click of a destructive action: a link to its confirmation step (ConfirmStep),
 * drawn as a danger button so it looks as dangerous as it is.
 */
export function ConfirmLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className={styles.link}>
      {children}
    </Link>
  );
}
