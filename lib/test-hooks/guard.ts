import type { z } from 'zod';
import { getEnv } from '@/lib/env';

/**
 * The routes under /api/test answer only in a test run: with E2E_TEST_HOOKS set (which
 * lib/env.ts refuses unless email goes to the local mailbox). Anywhere else they do not
 * exist: a 404, as for any unknown path.
 */
export function testHooksEnabled(): boolean {
  return getEnv().E2E_TEST_HOOKS;
}

export const NOT_FOUND = () => new Response('Not found', { status: 404 });

/** The JSON body, parsed with `schema`; a 400 naming the problems otherwise. */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
): Promise<{ ok: true; data: z.output<T> } | { ok: false; response: Response }> {
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  return { ok: false, response: Response.json({ problems }, { status: 400 }) };
}
