import type { ReactNode } from 'react';
import styles from './definition-list.module.css';

export type Term = { label: ReactNode; value: ReactNode; key?: string };

/**
 * Terms as label and value side by side: the label column is as wide as its longest label
 * (at most 45% of the list), so a value sits next to its label, never across the page.
 * On a narrow phone the pairs stack.
 */
export function DefinitionList({ items }: { items: Term[] }) {
  return (
    <dl className={styles.list}>
      {items.map((item, i) => (
        <div key={item.key ?? i} className={styles.row}>
          <dt className={styles.label}>{item.label}</dt>
          <dd className={styles.value}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
