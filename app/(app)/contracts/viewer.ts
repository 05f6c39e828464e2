import type { Viewer } from '@/lib/auth/session';
import type { ContractSide, ContractViewer } from '@/lib/contracts/access';

/** The session as findContractForViewer reads it: the user, their workspace, ops or not. */
export function contractViewerOf(viewer: Viewer): ContractViewer {
  return {
    userId: viewer.user.id,
    workspaceId: viewer.workspace?.id ?? null,
    isAdmin: viewer.isAdmin,
  };
}

/**
 * The reader's own time zone on a page of one side: on the client side the workspace's
 * (Settings → Account), on the freelancer side the freelancer profile's (basic info). Ops
 * read UTC, which every page shows beside the local time anyway.
 */
export function timeZoneOfViewer(viewer: Viewer, side: ContractSide): string {
  if (side === 'client') return viewer.workspace?.timeZone ?? 'UTC';
  if (side === 'freelancer') return viewer.freelancerProfile?.timeZone ?? 'UTC';
  return 'UTC';
}
