import { sql, type Column, type SQL } from 'drizzle-orm';

type Columns = Record<string, Column>;

/** A row of `columns` as Drizzle would return it: each column's type, null where it may be. */
export type JsonRow<C extends Columns> = {
  [K in keyof C]: C[K]['_']['notNull'] extends true ? C[K]['_']['data'] : C[K]['_']['data'] | null;
};

/**
 * A short list as one column of a larger statement: `(select json_agg(…) from …)`, decoded
 * back into objects by each column's own mapping (timestamps become Dates). A page that
 * needs several lists asks for them in one statement: every statement costs about 0.15 ms
 * of the server's time beyond its query (driver, promises, protocol), so the onboarding
 * pages' five statements were a tenth of their time.
 *
 * `from` is the rest of the subquery (`from … where …`); filter it by parameters, not by the
 * outer query's tables, whose names the subquery's own joins may shadow.
 */
export function jsonRows<C extends Columns>(
  columns: C,
  from: SQL,
  orderBy: SQL[],
): SQL<JsonRow<C>[]> {
  const keys = Object.keys(columns);
  const tuple = sql.join(
    keys.map((key) => columns[key]),
    sql`, `,
  );
  return sql`(select coalesce(json_agg(json_build_array(${tuple}) order by ${sql.join(orderBy, sql`, `)}), '[]') ${from})`.mapWith(
    (value: unknown) => {
      const tuples = (typeof value === 'string' ? JSON.parse(value) : value) as unknown[][];
      return tuples.map((values) =>
        Object.fromEntries(
          keys.map((key, i) => [
            key,
            values[i] === null ? null : columns[key].mapFromDriverValue(values[i]),
          ]),
        ),
      );
    },
  ) as SQL<JsonRow<C>[]>;
}
