import type { FreelancerContract } from '@/lib/onboarding/queries';

/**
 * The confirmation after accepting or declining an offer (?notice=accepted|declined and the
 * contract's id, from the decision actions). It names the contract from the freelancer's own
 * list, and only when the contract's status agrees, so an edited address says nothing.
 */
export function DecisionNotice({
  notice,
  contractId,
  contracts,
}: {
  notice?: string;
  contractId?: string;
  contracts: FreelancerContract[];
}) {
  const contract = contracts.find((c) => c.id === contractId);
  if (!contract) return null;
  const offer = `“${contract.title}” from ${
    contract.inviterName
      ? `${contract.inviterName} of ${contract.workspaceName}`
      : contract.workspaceName
  }`;
  let message: string | null = null;
  if (notice === 'accepted' && contract.status === 'active') {
    message = `You accepted ${offer}. The contract is active, and we let them know.`;
  } else if (notice === 'accepted' && contract.status === 'awaiting_compliance') {
    message = `You accepted ${offer}. It starts once your compliance check is approved; we let them know.`;
  } else if (notice === 'declined' && contract.status === 'declined') {
    message = `You declined ${offer}. We passed your reason on to them.`;
  }
  if (!message) return null;
  return (
    <p className="notice success" role="status">
      {message}
    </p>
  );
}
