import type { LinkState } from './landing';

/**
 * The HTTP status of an invite link's page (issue 13.8): 200 while it can be used, 410 for
 * a link that worked once (used, declined, revoked, superseded, expired: the same helpful
 * page, with a way forward), 404 for a token we never issued.
 */
export function inviteLinkStatus(kind: LinkState['kind']): 200 | 404 | 410 {
  if (kind === 'open') return 200;
  if (kind === 'unknown') return 404;
  return 410;
}
