import type { Viewer } from '@/lib/auth/session';
import type { ContractViewer } from '@/lib/contracts/access';

/** The session as findContractForViewer reads it: the user, their workspace, ops or not. */
export function contractViewerOf(viewer: Viewer): ContractViewer {
  return {
    userId: viewer.user.id,
    workspaceId: viewer.workspace?.id ?? null,
    isAdmin: viewer.isAdmin,
  };
}

/**
 * The reader's own time zone: the one in their freelancer profile. Clients have no time
 * zone setting yet (README, known gaps), so a client who is not also a freelancer reads
 * UTC, which every page shows anyway.
 */
export function timeZoneOfViewer(viewer: Viewer): string {
  return viewer.freelancerProfile?.timeZone ?? 'UTC';
}
