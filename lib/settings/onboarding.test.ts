import { eq } from 'drizzle-orm';
import { payoutMethods } from '@/db/schema';
import { loadOnboardingRecords } from '@/lib/onboarding/records';
import type { PayoutMethodView } from '@/lib/payouts/present';
import { requestAddPayoutMethod } from '@/lib/payouts/service';
import { saveProfile, uploadProfilePhoto } from '@/lib/profile/service';
import { saveTaxInfo } from '@/lib/tax/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { solidPng } from '@/tests/helpers/png';
import {
  actorSignedIn,
  createFreelancer,
  US_BANK,
  installTestEncryptionKey,
} from '@/tests/helpers/settings-fixtures';
import {
  settingsBlockers,
  settingsContextOf,
  settingsSteps,
  type SettingsContext,
} from './onboarding';
import { addPayoutMethodSchema } from '@/lib/payouts/schemas';
import { profileSchema } from '@/lib/profile/schemas';
import { taxInfoSchema } from '@/lib/tax/schemas';
import { asSubmitted } from '@/tests/helpers/submitted';

const NOW = new Date('2026-03-02T14:02:00Z');

function method(overrides: Partial<PayoutMethodView> = {}): PayoutMethodView {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    kind: 'us_bank',
    holderName: 'Alex Kim',
    accountType: 'checking',
    email: null,
    last4: '6789',
    isDefault: true,
    usableAfter: new Date('2026-03-05T14:02:00Z'),
    createdAt: NOW,
    title: 'US bank account (checking) ending 6789',
    isUsable: false,
    ...overrides,
  };
}

const ctx = (overrides: Partial<SettingsContext> = {}): SettingsContext => ({
  now: NOW,
  payoutMethods: [],
  pendingPayoutConfirmations: 0,
  hasTaxInfo: false,
  profilePercent: 0,
  ...overrides,
});

describe('settingsSteps', () => {
  it('lists payout, tax and profile with where to do them', () => {
    expect(settingsSteps(ctx())).toEqual([
      { key: 'payout', label: 'Payout method', href: '/settings/payout', done: false },
      { key: 'tax', label: 'Tax information', href: '/settings/tax', done: false },
      { key: 'profile', label: 'Profile', href: '/settings/profile', done: false },
    ]);
  });

  it('counts a method in its hold as done, and the profile at half the meter', () => {
    const steps = settingsSteps(
      ctx({ payoutMethods: [method()], hasTaxInfo: true, profilePercent: 50 }),
    );
    expect(steps.map((s) => s.done)).toEqual([true, true, true]);
    expect(settingsSteps(ctx({ profilePercent: 49 }))[2].done).toBe(false);
  });
});

describe('settingsBlockers', () => {
  it('asks for a payout method, tax information and the profile when there are none', () => {
    expect(settingsBlockers(ctx())).toEqual([
      {
        key: 'payout-missing',
        text: 'Add a payout method, so we know where to send your money.',
        href: '/settings/payout',
      },
      {
        key: 'tax-missing',
        text: 'Tax information is missing; it is needed before your first withdrawal.',
        href: '/settings/tax',
      },
      {
        key: 'profile-incomplete',
        text: 'Your profile is 0% complete; a photo, an overview, one job and one skill bring it to 50%, which finishes this step.',
        href: '/settings/profile',
      },
    ]);
  });

  it('keeps the profile in the panel until half the meter is there', () => {
    const keys = (profilePercent: number) =>
      settingsBlockers(
        ctx({ hasTaxInfo: true, payoutMethods: [method({ isUsable: true })], profilePercent }),
      ).map((b) => b.key);
    expect(keys(49)).toEqual(['profile-incomplete']);
    expect(keys(50)).toEqual([]);
  });

  it('names the method in its security hold and the date it ends', () => {
    expect(
      settingsBlockers(ctx({ payoutMethods: [method()], hasTaxInfo: true, profilePercent: 50 })),
    ).toEqual([
      {
        key: 'payout-hold',
        text: 'Your bank account ending 6789 is in its security hold until March 5, 2026 at 2:02 PM UTC; withdrawals start then.',
        // Nothing to fix: no "Fix this" link, but what happens next.
        status: 'Nothing for you to do: the hold ends on its own.',
      },
    ]);
  });

  it("names the end of the hold in the freelancer's time zone", () => {
    expect(
      settingsBlockers(
        ctx({ payoutMethods: [method()], hasTaxInfo: true, profilePercent: 50 }),
        'America/New_York',
      )[0].text,
    ).toBe(
      'Your bank account ending 6789 is in its security hold until March 5, 2026 at 9:02 AM New York time (America/New_York); withdrawals start then.',
    );
  });

  it('says a change waits for its confirmation link', () => {
    expect(settingsBlockers(ctx({ pendingPayoutConfirmations: 1, hasTaxInfo: true }))[0].key).toBe(
      'payout-confirmation',
    );
  });

  it('has nothing left once a method is usable, tax information is in and the profile is half done', () => {
    const ready = ctx({
      payoutMethods: [method({ isUsable: true })],
      hasTaxInfo: true,
      profilePercent: 50,
    });
    expect(settingsBlockers(ready)).toEqual([]);
  });
});

describe('settingsContextOf the onboarding records', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  installTestEncryptionKey();
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());

  it('follows each step as the freelancer completes it', async () => {
    const who = await createFreelancer(database.db);
    const load = async () =>
      settingsContextOf(await loadOnboardingRecords(database.db, who.userId), new Date());
    expect(settingsBlockers(await load()).map((b) => b.key)).toEqual([
      'payout-missing',
      'tax-missing',
      'profile-incomplete',
    ]);

    await asSubmitted(addPayoutMethodSchema, US_BANK, async (input) =>
      requestAddPayoutMethod(database.db, await actorSignedIn(database.db, who, 1), input),
    );
    let context = await load();
    expect(settingsBlockers(context).map((b) => b.text)[0]).toMatch(
      /^Your bank account ending 0417 is in its security hold until .+ UTC; withdrawals start then\.$/,
    );

    await asSubmitted(
      taxInfoSchema,
      {
        kind: 'non_us',
        name: 'Alex Kim',
        countryOfCitizenship: 'PT',
        addressLine1: 'Rua Augusta 1',
        city: 'Lisboa',
        country: 'PT',
        foreignTaxId: '298115604',
        signature: 'Alex Kim',
        certify: 'on',
      },
      (input) => saveTaxInfo(database.db, { userId: who.userId }, input),
    );
    await asSubmitted(
      profileSchema,
      {
        title: 'Developer',
        overview: 'x'.repeat(120),
        hourlyRateCents: '40',
        skills: 'React',
        portfolioLinks: '',
        employment: [{ company: 'Acme', title: 'Developer', from: '2020-01' }],
      },
      (input) => saveProfile(database.db, who.userId, input),
    );
    context = await load();
    expect(context.profilePercent).toBe(35);
    expect(settingsBlockers(context).map((b) => b.key)).toEqual([
      'payout-hold',
      'profile-incomplete',
    ]);
    await uploadProfilePhoto(database.db, who.userId, { bytes: solidPng(), fileName: 'me.png' });
    context = await load();
    expect(settingsSteps(context).map((s) => s.done)).toEqual([true, true, true]);
    expect(settingsBlockers(context).map((b) => b.key)).toEqual(['payout-hold']);

    await database.db
      .update(payoutMethods)
      .set({ usableAfter: new Date(Date.now() - 1000) })
      .where(eq(payoutMethods.userId, who.userId));
    expect(settingsBlockers(await load())).toEqual([]);
  });
});
