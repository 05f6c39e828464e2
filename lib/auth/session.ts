import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDatabase } from '@/db';
import { findSessionViewer } from '@/lib/accounts/queries';
import type { Inviter } from '@/lib/accounts/inviter';
import type { ClientWorkspace, User } from '@/lib/accounts/queries';
import type { FreelancerProfileRow } from '@/lib/onboarding/queries';
import { getEnv } from '@/lib/env';
import { safeReturnPath } from '@/lib/security/return-path';
import { hashToken } from '@/lib/security/tokens';
import { RETURN_PATH_HEADER, sessionCookieName } from './constants';
import type { NewSession } from './service';

export type Viewer = {
  user: User;
  workspace: ClientWorkspace | undefined;
  isFreelancer: boolean;
  /** The freelancer profile (basic info), read with the session. */
  freelancerProfile: FreelancerProfileRow | undefined;
  isAdmin: boolean;
  /** When this browser's session began (the "signed in within 30 minutes" rules read it). */
  signedInAt: Date;
  /** The header's badge: messages from the other side not yet read, read with the session. */
  unreadMessages: number;
};

/**
 * The signed-in person, looked up afresh. Server actions use this one: a page rendered
 * after an action's redirect must not see the state from before the action.
 */
export async function loadViewer(): Promise<Viewer | null> {
  // The Auth.js database session, read directly: one indexed query instead of Auth.js's
  // request pipeline plus three lookups, and none at all for visitors without a cookie.
  const token = await readSessionCookie();
  if (!token) return null;
  const { db } = await getDatabase();
  const row = await findSessionViewer(db, hashToken(token));
  if (!row) return null;
  return {
    user: row.user,
    workspace: row.workspace ?? undefined,
    isFreelancer: row.freelancer !== null,
    freelancerProfile: row.freelancer ?? undefined,
    isAdmin: isAdminEmail(row.user.email),
    signedInAt: row.signedInAt,
    unreadMessages: row.unreadMessages,
  };
}

/** Ops reviewers are the accounts ADMIN_EMAILS lists. */
export function isAdminEmail(email: string): boolean {
  return getEnv().ADMIN_EMAILS.includes(email);
}

/** The same, memoised for one render so the header and the page share one lookup. */
export const getViewer = cache(loadViewer);

/** The sign-in page, bringing the visitor back to the page they asked for (see proxy.ts). */
async function signInPageForThisRequest(): Promise<string> {
  const path = safeReturnPath((await headers()).get(RETURN_PATH_HEADER));
  return path ? `/sign-in?${new URLSearchParams({ next: path })}` : '/sign-in';
}

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(await signInPageForThisRequest());
  return viewer;
}

export async function setSessionCookie(session: NewSession): Promise<void> {
  const env = getEnv();
  const jar = await cookies();
  jar.set(sessionCookieName(env.secureCookies), session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.secureCookies,
    path: '/',
    expires: session.expires,
  });
}

export async function readSessionCookie(): Promise<string | undefined> {
  const jar = await cookies();
  return jar.get(sessionCookieName(getEnv().secureCookies))?.value;
}

export type ClientContext = {
  viewer: Viewer;
  inviter: Inviter;
};

function clientContext(viewer: Viewer | null): ClientContext | null {
  if (!viewer?.workspace) return null;
  return {
    viewer,
    inviter: {
      userId: viewer.user.id,
      name: viewer.user.name ?? '',
      workspaceId: viewer.workspace.id,
      workspaceName: viewer.workspace.name,
    },
  };
}

/** For pages: the signed-in client, or a redirect to sign in / set up a workspace. */
export async function requireClient(): Promise<ClientContext> {
  const viewer = await requireViewer();
  const context = clientContext(viewer);
  if (!context) redirect('/welcome?add=client');
  return context;
}

/** For server actions: the signed-in client, looked up afresh, or null. */
export async function loadClient(): Promise<ClientContext | null> {
  return clientContext(await loadViewer());
}

export async function clearSessionCookie(): Promise<void> {
  const env = getEnv();
  const jar = await cookies();
  // A __Secure- cookie can only be replaced by a Secure one, so spell the attributes out.
  jar.set(sessionCookieName(env.secureCookies), '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.secureCookies,
    path: '/',
    expires: new Date(0),
  });
}
