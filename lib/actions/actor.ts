import type { Actor } from '@/lib/accounts/recent-sign-in';
import { loadViewer, type Viewer } from '@/lib/auth/session';
import { clientIp } from '@/lib/server/request';
import type { Inviter } from '@/lib/accounts/inviter';

/**
 * Who may call an endpoint, declared once per action (and per route handler that stays):
 * - anyone: nobody needs to be signed in (sign-in, sign-out); the viewer is given if any;
 * - signed-in: any account;
 * - client: an account with a client workspace;
 * - freelancer: an account with a freelancer profile;
 * - reviewer: an ops reviewer (ADMIN_EMAILS);
 * - emailed-link: the token from an emailed link is the credential; whoever is signed in on
 *   this browser (if anyone) is given, for the service to check against the link's owner.
 */
export const ACTOR_KINDS = [
  'anyone',
  'signed-in',
  'client',
  'freelancer',
  'reviewer',
  'emailed-link',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** What a refused caller of each kind is told: one text per kind, for every action. */
export const SIGNED_OUT: Record<ActorKind, string> = {
  anyone: 'Your session has ended. Please sign in again.',
  'signed-in': 'Your session has ended. Please sign in again.',
  client: 'Your session has ended, or this account has no client workspace. Please sign in again.',
  freelancer: 'Your session has ended. Please sign in again.',
  reviewer: 'Only ops reviewers can do this. Please sign in with a reviewer account.',
  'emailed-link': 'This confirmation link is not valid.',
};

/** A signed-in caller, looked up afresh, with this browser's sign-in time and address. */
export type SignedInActor = Actor & { viewer: Viewer; signedInAt: Date | null; ip: string };

export type ActorFor<K extends ActorKind> = K extends 'anyone' | 'emailed-link'
  ? { viewer: Viewer | null; ip: string }
  : K extends 'client'
    ? SignedInActor & { inviter: Inviter }
    : SignedInActor;

/** Whether this viewer passes the gate of a kind (anyone and emailed-link let everybody in). */
export function isAllowed(kind: ActorKind, viewer: Viewer | null): boolean {
  switch (kind) {
    case 'anyone':
    case 'emailed-link':
      return true;
    case 'signed-in':
      return viewer !== null;
    case 'client':
      return viewer?.workspace !== undefined;
    case 'freelancer':
      return viewer?.isFreelancer === true;
    case 'reviewer':
      return viewer?.isAdmin === true;
  }
}

function inviterOf(viewer: Viewer): Inviter | null {
  if (!viewer.workspace) return null;
  return {
    userId: viewer.user.id,
    name: viewer.user.name ?? '',
    workspaceId: viewer.workspace.id,
    workspaceName: viewer.workspace.name,
  };
}

/**
 * The caller of a server action or a route handler, checked against the declared kind on
 * every call (never trusted from the page that rendered the form). Null when refused.
 */
export async function loadActorOf<K extends ActorKind>(kind: K): Promise<ActorFor<K> | null>;
export async function loadActorOf(kind: ActorKind) {
  const viewer = await loadViewer();
  const ip = await clientIp();
  if (!isAllowed(kind, viewer)) return null;
  if (kind === 'anyone' || kind === 'emailed-link') return { viewer, ip };
  if (!viewer) return null;
  const actor: SignedInActor = {
    viewer,
    userId: viewer.user.id,
    email: viewer.user.email,
    signedInAt: viewer.signedInAt,
    ip,
  };
  if (kind !== 'client') return actor;
  const inviter = inviterOf(viewer);
  return inviter ? { ...actor, inviter } : null;
}
