import type { z } from 'zod';
import { invalidInput } from '@/lib/forms';

/**
 * A service called the way its action calls it: the submitted form parsed with the action's
 * schema first (services take parsed input only), a form that does not parse refused with
 * every field's messages, as the action answers it.
 */
export async function asSubmitted<S extends z.ZodType, R>(
  schema: S,
  raw: unknown,
  run: (input: z.output<S>) => Promise<R>,
): Promise<R | ReturnType<typeof invalidInput>> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? run(parsed.data) : invalidInput(parsed.error);
}
