import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDatabase } from '@/db';
import { findUserById, findWorkspaceByOwner, hasFreelancerProfile } from '@/lib/accounts/queries';
import type { ClientWorkspace, User } from '@/lib/accounts/queries';
import { getEnv } from '@/lib/env';
import { auth } from './config';
import { sessionCookieName } from './constants';
import type { NewSession } from './service';

export type Viewer = {
  user: User;
  workspace: ClientWorkspace | undefined;
  isFreelancer: boolean;
  isAdmin: boolean;
};

/** The signed-in person for this request (one lookup per request), or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const { db } = await getDatabase();
  const [user, workspace, isFreelancer] = await Promise.all([
    findUserById(db, userId),
    findWorkspaceByOwner(db, userId),
    hasFreelancerProfile(db, userId),
  ]);
  if (!user) return null;
  return { user, workspace, isFreelancer, isAdmin: getEnv().ADMIN_EMAILS.includes(user.email) };
});

export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in');
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
