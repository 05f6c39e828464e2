type Summable<F extends string> = { currency: string } & Record<F, number>;

const zeros = <F extends string>(fields: readonly F[]) =>
  Object.fromEntries(fields.map((field) => [field, 0])) as Record<F, number>;

/**
 * The named amounts of the rows summed per currency (amounts in different currencies are
 * never added together), in currency order.
 */
export function sumByCurrency<F extends string>(
  rows: readonly Summable<F>[],
  fields: readonly F[],
): Summable<F>[] {
  const sums = new Map<string, Record<F, number>>();
  for (const row of rows) {
    const sum = sums.get(row.currency) ?? zeros(fields);
    for (const field of fields) sum[field] += row[field];
    sums.set(row.currency, sum);
  }
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => ({ currency, ...sum }));
}
