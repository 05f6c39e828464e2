import type { ReactNode } from 'react';
import styles from './security-cue.module.css';

/**
 * The note beside fields that take bank or tax numbers: what happens to the number once it is
 * sent. Text with a lock drawn in CSS, so it reads the same to a screen reader.
 */
export function SecurityCue({ children }: { children: ReactNode }) {
  return (
    <p className={styles.cue}>
      <span className={styles.lock} aria-hidden="true" />
      <span>{children}</span>
    </p>
  );
}
