import { ConversationPage } from '../../conversation-page';

/** The proposal's conversation: its thread, or the empty one before the first message. */
export default async function ProposalThreadPage({
  params,
}: {
  params: Promise<{ proposalId: string }>;
}) {
  return ConversationPage({ kind: 'proposal', id: (await params).proposalId });
}
