import { z } from 'zod';
import { FILTER_KEYS, MAX_QUERY_CHARS } from './schemas';

/** Save the current search: a name, and the search as the page's URL carried it. */
export const saveSearchSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Give the search a name.')
    .max(80, 'A name has at most 80 characters.'),
  q: z
    .string()
    .max(MAX_QUERY_CHARS, `Search words: at most ${MAX_QUERY_CHARS} characters`)
    .default(''),
  kind: z.string().max(20).default(''),
  min: z.string().max(20).default(''),
  max: z.string().max(20).default(''),
  experience: z.string().max(20).default(''),
  duration: z.string().max(20).default(''),
  workload: z.string().max(20).default(''),
  posted: z.string().max(20).default(''),
  billing: z.string().max(20).default(''),
  sort: z.string().max(20).default(''),
});
export type SaveSearchForm = z.infer<typeof saveSearchSchema>;

export const savedSearchIdSchema = z.object({
  id: z.string().uuid('That saved search was not found.'),
});

export { FILTER_KEYS };
