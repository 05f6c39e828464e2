import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { contracts } from '@/db/schema';
import { isUuid } from '@/lib/text/uuid';

export type ContractRow = typeof contracts.$inferSelect;

/** Who is asking about a contract, as the session knows them. */
export type ContractViewer = { userId: string; workspaceId: string | null; isAdmin: boolean };

/** Which side of the contract the viewer is on; ops read every contract. */
export type ContractSide = 'client' | 'freelancer' | 'ops';

/**
 * The contract if the viewer may see it, with the side they see it from: the client's
 * workspace, the freelancer on it, or ops. Anyone else gets null, the same answer as for
 * an id that does not exist, so an id reveals nothing. Every page and action that takes a
 * contract id starts here.
 */
export async function findContractForViewer(
  db: DbOrTx,
  contractId: string,
  viewer: ContractViewer,
): Promise<{ contract: ContractRow; side: ContractSide } | null> {
  if (!isUuid(contractId)) return null;
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
  if (!contract) return null;
  if (viewer.workspaceId !== null && contract.workspaceId === viewer.workspaceId) {
    return { contract, side: 'client' };
  }
  if (contract.freelancerId !== null && contract.freelancerId === viewer.userId) {
    return { contract, side: 'freelancer' };
  }
  if (viewer.isAdmin) return { contract, side: 'ops' };
  return null;
}
