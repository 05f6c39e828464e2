import { eq } from 'drizzle-orm';
import { contracts, freelancerProfiles } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { createWorkspace, uniqueEmail } from '@/tests/helpers/compliance-fixtures';
import {
  findInvite,
  hourlyOfferInput,
  inviteData,
  parseOffer,
  tokenFromOutbox,
} from '@/tests/helpers/invite-fixtures';
import {
  installRequestMocks,
  REQUEST_IP,
  routerRefreshCount,
  startRequest,
} from '@/tests/helpers/request-context';
import { actorSignedIn } from '@/tests/helpers/settings-fixtures';

installRequestMocks();
const { acceptContractAction, saveBasicInfoAction } = await import('./actions');
const { joinFromInvite } = await import('@/lib/invites/accept');
const { createInvite, loadTerms } = await import('@/lib/invites/service');
const { editOffer } = await import('@/lib/invites/manage');
const { hashTerms } = await import('@/lib/contracts/service');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

/** A freelancer who followed their invite link, signed in, with the offer still open. */
async function invitedFreelancer() {
  const client = await createWorkspace(database.db, 'company');
  const email = uniqueEmail('freelancer');
  const created = await createInvite(database.db, {
    inviter: client,
    input: inviteData(email, { offer: hourlyOfferInput({ hourlyRateDollars: '45' }) }),
  });
  if (!created.ok) throw new Error(created.message);
  const invite = await findInvite(database.db, created.inviteId);
  const joined = await joinFromInvite(
    database.db,
    await tokenFromOutbox(database.db, invite.lastOutboxId!),
  );
  if (!joined.ok) throw new Error(joined.reason);
  const [contract] = await database.db
    .select()
    .from(contracts)
    .where(eq(contracts.inviteId, invite.id));
  const actor = await actorSignedIn(database.db, { userId: joined.user.id, email }, 1);
  startRequest(actor.sessionToken);
  return { client, inviteId: invite.id, contractId: contract.id, userId: joined.user.id };
}

const redirectOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (thrown: { digest?: string }) => thrown.digest?.split(';')[2] ?? null,
  );

describe('the onboarding actions and the pages around them (issue 19)', () => {
  it('saving basic info renders the checklist again on the next page', async () => {
    const { userId } = await invitedFreelancer();
    const to = await redirectOf(
      saveBasicInfoAction(
        null,
        form({
          firstName: 'Alex',
          lastName: 'Kim',
          country: 'PT',
          timeZone: 'Europe/Lisbon',
          acceptTerms: 'on',
        }),
      ),
    );
    expect(to).toBe('/onboarding/contract');
    expect(routerRefreshCount()).toBe(1);
    const [profile] = await database.db
      .select()
      .from(freelancerProfiles)
      .where(eq(freelancerProfiles.userId, userId));
    expect(profile.basicInfoCompletedAt).not.toBeNull();
    // The terms' acceptance keeps the address it came from (Stripe Connect asks for it).
    expect(profile.termsAcceptedIp).toBe(REQUEST_IP);
  });

  it('an acceptance of terms the client changed renders the page with the new terms', async () => {
    const { client, inviteId, contractId } = await invitedFreelancer();
    const shown = hashTerms((await loadTerms(database.db, inviteId))!);
    const edited = await editOffer(database.db, {
      inviter: client,
      inviteId,
      offer: parseOffer(hourlyOfferInput({ hourlyRateDollars: '48' })),
    });
    expect(edited.ok).toBe(true);
    expect(await acceptContractAction(null, form({ contractId, termsHash: shown }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('The offer changed since you opened it'),
    });
    expect(routerRefreshCount()).toBe(1);

    const current = hashTerms((await loadTerms(database.db, inviteId))!);
    expect(
      await redirectOf(acceptContractAction(null, form({ contractId, termsHash: current }))),
    ).toBe(`/onboarding?notice=accepted&contract=${contractId}`);
    expect(routerRefreshCount()).toBe(2);
  });
});
