import { eq } from 'drizzle-orm';
import { profiles } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { solidPng } from '@/tests/helpers/png';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { findVisiblePhotoId, resolvePublicProfile } from './public';
import { saveProfile, setProfileVisibility, uploadProfilePhoto } from './service';
import { decideProfileAccess } from './visibility';
import { profileSchema } from '@/lib/profile/schemas';
import { visibilitySchema } from '@/lib/profile/visibility';
import { asSubmitted } from '@/tests/helpers/submitted';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let owner: { userId: string };
let stranger: { userId: string };
let slug: string;

const OVERVIEW =
  'I build booking systems for small clinics, from the first sketch to launch, and I look after them for years.';

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
  owner = await createFreelancer(database.db, {
    firstName: 'Alex',
    lastName: 'Kim',
    country: 'PT',
  });
  stranger = await createFreelancer(database.db, { firstName: 'Sam', lastName: 'Ortiz' });
  const saved = await asSubmitted(
    profileSchema,
    {
      title: 'Booking systems developer',
      overview: OVERVIEW,
      hourlyRateCents: '60',
      skills: 'React, Postgres',
      portfolioLinks: 'https://example.com/clinic',
      employment: [{ company: 'Acme Clinics', title: 'Lead developer', from: '2019-04' }],
    },
    (input) => saveProfile(database.db, owner.userId, input),
  );
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  await uploadProfilePhoto(database.db, owner.userId, { bytes: solidPng(), fileName: 'alex.png' });
  [{ slug }] = await database.db
    .select({ slug: profiles.slug })
    .from(profiles)
    .where(eq(profiles.userId, owner.userId));
});
afterAll(() => database.dispose());

const setVisibility = (visibility: string) =>
  asSubmitted(visibilitySchema, { visibility }, (input) =>
    setProfileVisibility(database.db, owner.userId, input),
  );

describe('decideProfileAccess', () => {
  it.each([
    ['public', false, false, 'full'],
    ['public', true, false, 'full'],
    ['signed_in', false, false, 'sign-in-required'],
    ['signed_in', true, false, 'full'],
    ['private', false, false, 'not-found'],
    ['private', true, false, 'limited'],
    ['private', true, true, 'full'],
  ] as const)(
    '%s profile, signed in: %s, owner: %s → %s',
    (visibility, signedIn, isOwner, access) => {
      expect(decideProfileAccess(visibility, { signedIn, isOwner })).toBe(access);
    },
  );
});

describe('a private profile', () => {
  beforeAll(() => setVisibility('private'));

  it('is not found for an anonymous visitor, photo included', async () => {
    expect(await resolvePublicProfile(database.db, slug, null)).toEqual({ kind: 'not-found' });
    expect(await findVisiblePhotoId(database.db, slug, null)).toBeNull();
  });

  it('shows a signed-in stranger only first name, last initial, title, photo and country', async () => {
    const view = await resolvePublicProfile(database.db, slug, stranger.userId);
    expect(view).toEqual({
      kind: 'limited',
      profile: {
        slug,
        displayName: 'Alex K.',
        title: 'Booking systems developer',
        country: 'Portugal',
        photoPath: expect.stringMatching(new RegExp(`^/freelancers/${slug}/photo\\?v=`)),
      },
    });
    expect(JSON.stringify(view)).not.toMatch(/Kim|clinics, from|Acme|React|6000|example\.com/);
    expect(await findVisiblePhotoId(database.db, slug, stranger.userId)).not.toBeNull();
  });

  it('shows its owner everything, not indexable', async () => {
    expect(await resolvePublicProfile(database.db, slug, owner.userId)).toMatchObject({
      kind: 'full',
      isOwner: true,
      indexable: false,
      visibility: 'private',
      profile: { overview: OVERVIEW, skills: ['React', 'Postgres'] },
    });
  });
});

describe('a signed-in-only profile', () => {
  beforeAll(() => setVisibility('signed_in'));

  it('asks anonymous visitors to sign in and shows signed-in people everything, never indexable', async () => {
    expect(await resolvePublicProfile(database.db, slug, null)).toEqual({
      kind: 'sign-in-required',
    });
    expect(await findVisiblePhotoId(database.db, slug, null)).toBeNull();
    expect(await resolvePublicProfile(database.db, slug, stranger.userId)).toMatchObject({
      kind: 'full',
      indexable: false,
      isOwner: false,
    });
  });
});

describe('a public profile', () => {
  beforeAll(() => setVisibility('public'));

  it('is shown to anyone and may be indexed', async () => {
    expect(await resolvePublicProfile(database.db, slug, null)).toMatchObject({
      kind: 'full',
      indexable: true,
      profile: {
        displayName: 'Alex K.',
        hourlyRateCents: 6000,
        employment: [{ company: 'Acme Clinics' }],
      },
    });
    expect(await findVisiblePhotoId(database.db, slug, null)).not.toBeNull();
  });
});

describe('addresses that are not profiles', () => {
  it.each(['no-such-profile', '../etc/passwd', 'ALEX', ''])(
    '%j is not found',
    async (candidate) => {
      expect(await resolvePublicProfile(database.db, candidate, stranger.userId)).toEqual({
        kind: 'not-found',
      });
    },
  );
});
