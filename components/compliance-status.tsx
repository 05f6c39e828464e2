import { getDatabase } from '@/db';
import { loadClientComplianceLine } from '@/lib/compliance/client-status';

/**
 * The compliance status of one of the client's invites, for the invite detail page. It
 * reads only the status: the workspace id scopes the lookup, so another workspace's
 * invite id shows nothing.
 */
export async function ComplianceStatus({
  workspaceId,
  inviteId,
}: {
  workspaceId: string;
  inviteId: string;
}) {
  const { db } = await getDatabase();
  const line = await loadClientComplianceLine(db, { workspaceId, inviteId });
  if (!line) return null;
  return (
    <p className="compliance-status">
      Compliance check: <strong>{line}</strong>
    </p>
  );
}
