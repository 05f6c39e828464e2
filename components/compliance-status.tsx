/**
 * The compliance status of one of the client's invites, for the invite detail page: the
 * line lib/compliance/client-status worked out (the status only), or nothing.
 */
export function ComplianceStatus({ line }: { line: string | null }) {
  if (!line) return null;
  return (
    <p className="compliance-status">
      Compliance check: <strong>{line}</strong>
    </p>
  );
}
