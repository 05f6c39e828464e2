import { ConversationPage } from '../../conversation-page';

/** The contract's conversation: its thread, or the empty one before the first message. */
export default async function ContractThreadPage({
  params,
}: {
  params: Promise<{ contractId: string }>;
}) {
  return ConversationPage({ kind: 'contract', id: (await params).contractId });
}
