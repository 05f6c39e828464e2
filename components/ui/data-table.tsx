import type { ReactNode } from 'react';
import styles from './data-table.module.css';

export type Column<Row> = {
  /** The header, and the label each cell shows when the rows stack on a phone. */
  label: string;
  cell: (row: Row) => ReactNode;
  /** Numbers (money, counts) line up on the right on wide screens. */
  align?: 'start' | 'end';
  /** The row's main cell: on a phone it leads the card without a label. */
  primary?: boolean;
};

/**
 * A table on wide screens; under 640 px each row becomes a stacked card whose cells carry
 * their column's label, so nothing scrolls sideways. The labels are aria-hidden: the
 * table's own headers still name each cell for a screen reader.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: ReactNode;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
}) {
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={c.align === 'end' ? styles.end : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td
                key={c.label}
                className={[c.align === 'end' ? styles.end : '', c.primary ? styles.primary : '']
                  .join(' ')
                  .trim()}
              >
                {!c.primary && (
                  <span className={styles.label} aria-hidden="true">
                    {c.label}
                  </span>
                )}
                <span className={styles.value}>{c.cell(row)}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
