import { offerComplianceNote, type OfferDraft } from '@/lib/compliance/offer-note';
import type { ClientType } from '@/lib/compliance/rule';

/**
 * Tells the client, beside the offer, what the invitee will be asked for before the
 * contract starts. Pure (no hooks, no data access): the offer form can render it with its
 * live values, and a server page can render it with none.
 */
export function ComplianceRequirementNote({
  clientType,
  draft,
}: {
  clientType: ClientType;
  draft?: OfferDraft;
}) {
  const { text } = offerComplianceNote(clientType, draft);
  return (
    <p className="compliance-note" aria-live="polite">
      <strong>Compliance check:</strong> {text}{' '}
      <a href="/help/compliance-check">How the check works</a>
    </p>
  );
}
