import { z } from 'zod';

/** The longest search text kept: a saved search stores at most this (saved_search check). */
export const MAX_QUERY_CHARS = 200;
export const PAGE_SIZE = 20;

/**
 * The words a longer text is searched by (a caller past the schema, or an old link): its first
 * MAX_QUERY_CHARS characters, without a word cut in half there.
 */
export function capQuery(text: string): string {
  if (text.length <= MAX_QUERY_CHARS) return text;
  const head = text.slice(0, MAX_QUERY_CHARS + 1);
  const cut = head.search(/\s\S*$/);
  return (cut > 0 ? head.slice(0, cut) : head.slice(0, MAX_QUERY_CHARS)).trim();
}

const optionalEnum = <T extends [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());
const optionalDollars = z.preprocess(
  (v) => (v === '' || v === undefined ? undefined : v),
  z.coerce
    .number({ message: 'Enter a whole number of dollars' })
    .int('Enter a whole number of dollars')
    .min(0, 'Enter 0 or more')
    .max(1_000_000, 'At most $1,000,000')
    .optional(),
);

/** The search page's URL: every field optional, as a GET form sends it. */
export const searchParamsSchema = z
  .object({
    q: z
      .string()
      .max(MAX_QUERY_CHARS, `Search words: at most ${MAX_QUERY_CHARS} characters`)
      .default(''),
    kind: optionalEnum(['hourly', 'fixed']),
    min: optionalDollars,
    max: optionalDollars,
    experience: optionalEnum(['entry', 'intermediate', 'expert']),
    duration: optionalEnum(['under_1_month', '1_to_3_months', '3_to_6_months', 'over_6_months']),
    workload: optionalEnum(['under_10', '10_to_30', 'over_30']),
    posted: optionalEnum(['24h', '3d', '7d', '30d']),
    billing: optionalEnum(['yes']),
    sort: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(['relevance', 'newest']).default('relevance'),
    ),
    cursor: z.string().max(300).optional(),
  })
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, {
    message: 'The lowest amount is above the highest',
    path: ['max'],
  });

export type SearchParams = z.infer<typeof searchParamsSchema>;
export type SearchInput = Partial<SearchParams>;

/** The filters a saved search stores (and its URL carries), without the paging cursor. */
export const FILTER_KEYS = [
  'kind',
  'min',
  'max',
  'experience',
  'duration',
  'workload',
  'posted',
  'billing',
  'sort',
] as const;

export const POSTED_WITHIN_MS: Record<string, number> = {
  '24h': 24 * 3600_000,
  '3d': 3 * 24 * 3600_000,
  '7d': 7 * 24 * 3600_000,
  '30d': 30 * 24 * 3600_000,
};
