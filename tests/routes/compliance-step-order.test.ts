import { eq } from 'drizzle-orm';
import { freelancerProfiles } from '@/db/schema';
import { createSession } from '@/lib/auth/service';
import {
  acceptedContract,
  createWorkspace,
  uniqueEmail,
} from '@/tests/helpers/compliance-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import {
  findInvite,
  hourlyOfferInput,
  inviteData,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

/*
 * Issue 13.9: the compliance step follows SPEC 2.E: it opens only where a contract needs it
 * and only after the offer is accepted; anyone else is sent to their first open step.
 * (Payout, tax and profile in Settings may be filled in early: see the README.)
 */
installRequestMocks();
installTestEncryptionKey();
const { default: CompliancePage } = await import('@/app/(app)/onboarding/compliance/page');
const { joinFromInvite } = await import('@/lib/invites/accept');
const { createInvite } = await import('@/lib/invites/service');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

/** Where the page sends this freelancer, or 'shown' when it renders. */
async function visit(userId: string): Promise<string> {
  const session = await createSession(database.db, userId);
  startRequest(session.token);
  try {
    await CompliancePage({ searchParams: Promise.resolve({}) });
    return 'shown';
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    return digest.split(';')[2];
  }
}

async function completeBasicInfo(userId: string) {
  await database.db
    .update(freelancerProfiles)
    .set({
      firstName: 'Alex',
      lastName: 'Rivera',
      country: 'PT',
      timeZone: 'Europe/Lisbon',
      termsAcceptedAt: new Date(),
      basicInfoCompletedAt: new Date(),
    })
    .where(eq(freelancerProfiles.userId, userId));
}

/** A freelancer who clicked the invite link and has not decided on the offer. */
async function offeredOnly(type: 'company' | 'enterprise') {
  const client = await createWorkspace(database.db, type);
  const created = await createInvite(database.db, {
    inviter: client,
    input: inviteData(uniqueEmail('offered'), { offer: hourlyOfferInput({ weeklyLimit: '10' }) }),
  });
  if (!created.ok) throw new Error(created.message);
  const invite = await findInvite(database.db, created.inviteId);
  const activated = await joinFromInvite(
    database.db,
    await tokenFromOutbox(database.db, invite.lastOutboxId!),
  );
  if (!activated.ok) throw new Error(activated.reason);
  return { userId: activated.user.id, contractId: invite.id };
}

describe('the compliance page', () => {
  it('sends a freelancer whose offer needs no check to their first open step', async () => {
    const { userId } = await offeredOnly('company');
    expect(await visit(userId)).toBe('/onboarding/basic-info');
    await completeBasicInfo(userId);
    expect(await visit(userId)).toMatch(/^\/onboarding\/contract\//);
  });

  it('waits for the offer to be accepted where the contract will need the check', async () => {
    const { userId } = await offeredOnly('enterprise');
    await completeBasicInfo(userId);
    expect(await visit(userId)).toMatch(/^\/onboarding\/contract\//);
  });

  it('opens once an accepted contract waits for it', async () => {
    const enterprise = await createWorkspace(database.db, 'enterprise');
    const contract = await acceptedContract(database.db, enterprise, uniqueEmail('waiting'));
    expect(contract.status).toBe('awaiting_compliance');
    expect(await visit(contract.freelancerId)).toBe('/onboarding/basic-info');
    await completeBasicInfo(contract.freelancerId);
    expect(await visit(contract.freelancerId)).toBe('shown');
  });

  it('sends someone whose accepted contract needs no check on to Settings', async () => {
    const company = await createWorkspace(database.db, 'company');
    const contract = await acceptedContract(database.db, company, uniqueEmail('active'), {
      kind: 'hourly',
      weeklyLimit: '10',
    });
    expect(contract.status).toBe('active');
    await completeBasicInfo(contract.freelancerId);
    expect(await visit(contract.freelancerId)).toBe('/settings/payout');
  });
});
