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

/** Undefined rather than an empty class attribute on the common, plain cell. */
function cellClassName<Row>(column: Column<Row>): string | undefined {
  const names: string[] = [];
  if (column.align === 'end') names.push(styles.end);
  if (column.primary) names.push(styles.primary);
  return names.length > 0 ? names.join(' ') : undefined;
}

/**
 * A table on wide screens; under 640 px each row becomes a stacked card whose cells show
 * their column's label, so nothing scrolls sideways. One markup for both: the label is the
 * cell's `data-label`, drawn by the stylesheet on a phone only and kept out of the
 * accessibility tree there (the table's own headers still name each cell for a screen
 * reader). Rendering every label and cell wrapper as elements made the invite list miss its
 * `npm run bench` target.
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
                className={cellClassName(c)}
                data-label={c.primary ? undefined : c.label}
              >
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
