import { eq } from 'drizzle-orm';
import { sessions } from '@/db/schema';
import { hashToken } from '@/lib/security/tokens';
import { browserCookieHeader } from '@/tests/helpers/request-context';
import type { Ctx, Arranged, Outcome } from './runner';
import type { World } from './world';

export const APP_ORIGIN = 'http://localhost:3000';
export const CROSS_SITE = { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' };

export function formOf(fields: Record<string, string | Blob | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    if (value !== undefined) form.append(name, value);
  return form;
}

/** A server action bound to a form, as useActionState calls it: (previous state, form). */
export const formArgs = (fields: Record<string, string | Blob | undefined>): unknown[] => [
  null,
  formOf(fields),
];

/**
 * Hidden inputs naming the victim, added to forms of actions that take no id: the action
 * must act on the caller alone, whatever the form says.
 */
export function smuggled<T extends Arranged>(ctx: Ctx<T>): Record<string, string> {
  return {
    userId: ctx.people.victimFreelancer.userId,
    freelancerId: ctx.people.victimFreelancer.userId,
    ownerId: ctx.people.victimClient.userId,
    workspaceId: ctx.world.victimClient.workspaceId,
  };
}

/** A request from this browser (its cookies), same-origin unless the headers say otherwise. */
export function browserRequest(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {},
): Request {
  const headers = new Headers({ 'sec-fetch-site': 'same-origin', ...init.headers });
  const cookie = browserCookieHeader();
  if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
  return new Request(new URL(path, APP_ORIGIN), {
    method: init.method ?? 'GET',
    headers,
    body: init.body,
  });
}

export const postRequest = (
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit } = {},
) => browserRequest(path, { method: 'POST', ...init });

/** A route handler's arguments: the request and its (promised) dynamic params. */
export const routeArgs = (request: Request, params: Record<string, string> = {}): unknown[] => [
  request,
  { params: Promise.resolve(params) },
];

export const statusOf = (outcome: Outcome) => (outcome.type === 'response' ? outcome.status : null);

export function redirectedTo(outcome: Outcome): string | null {
  if (outcome.type === 'redirect') return outcome.location;
  if (outcome.type === 'response') return outcome.location;
  return null;
}

export function returned(outcome: Outcome): unknown {
  return outcome.type === 'returned' ? outcome.value : undefined;
}

export async function sessionExists(world: World, token: string | null): Promise<boolean> {
  if (!token) return false;
  const rows = await world.db
    .select()
    .from(sessions)
    .where(eq(sessions.sessionToken, hashToken(token)));
  return rows.length > 0;
}
