import { eq } from 'drizzle-orm';
import { profiles } from '@/db/schema';
import { resolvePublicProfile } from '@/lib/profile/public';
import { saveProfile, setProfileVisibility } from '@/lib/profile/service';
import { createTestDatabase } from '@/tests/helpers/db';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { profileMetadata } from './metadata';
import { profileSchema } from '@/lib/profile/schemas';
import { visibilitySchema } from '@/lib/profile/visibility';
import { asSubmitted } from '@/tests/helpers/submitted';

const OVERVIEW =
  'I build booking systems for small clinics, from the first sketch to launch, and I look after them for years.';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let owner: { userId: string };
let stranger: { userId: string };
let slug: string;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
  owner = await createFreelancer(database.db, { firstName: 'Alex', lastName: 'Kim' });
  stranger = await createFreelancer(database.db, { firstName: 'Sam', lastName: 'Ortiz' });
  const saved = await asSubmitted(
    profileSchema,
    {
      title: 'Booking systems developer',
      overview: OVERVIEW,
      hourlyRateCents: '60',
      skills: 'React',
      portfolioLinks: '',
    },
    (input) => saveProfile(database.db, owner.userId, input),
  );
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  [{ slug }] = await database.db
    .select({ slug: profiles.slug })
    .from(profiles)
    .where(eq(profiles.userId, owner.userId));
});
afterAll(() => database.dispose());

/** The metadata the page would send for this visibility and visitor. */
async function metadataFor(visibility: string, viewerId: string | null) {
  await asSubmitted(visibilitySchema, { visibility }, (input) =>
    setProfileVisibility(database.db, owner.userId, input),
  );
  return profileMetadata(await resolvePublicProfile(database.db, slug, viewerId));
}

const NOINDEX = { index: false, follow: false };
const leaks = (metadata: object) => /Alex|Kim|Booking|clinics/.test(JSON.stringify(metadata));

describe('the public profile page metadata', () => {
  it('lets search engines index a public profile, with its title and overview', async () => {
    const metadata = await metadataFor('public', null);
    expect(metadata.robots).toEqual({ index: true, follow: true });
    expect(metadata.title).toBe('Alex K., Booking systems developer');
    expect(metadata.description).toBe(OVERVIEW.slice(0, 155));
  });

  it('keeps a signed-in-only profile out of search engines, and names no one to visitors', async () => {
    const anonymous = await metadataFor('signed_in', null);
    expect(anonymous).toEqual({ title: 'Sign in to see this profile', robots: NOINDEX });
    expect(leaks(anonymous)).toBe(false);
    const signedIn = await metadataFor('signed_in', stranger.userId);
    expect(signedIn.robots).toEqual(NOINDEX);
    expect(signedIn.title).toBe('Alex K., Booking systems developer');
  });

  it('says nothing of a private profile to visitors, and only the short name to strangers', async () => {
    const anonymous = await metadataFor('private', null);
    expect(anonymous).toEqual({ title: 'Not found', robots: NOINDEX });
    expect(leaks(anonymous)).toBe(false);
    const stranger_ = await metadataFor('private', stranger.userId);
    expect(stranger_).toEqual({ title: 'Alex K.', robots: NOINDEX });
  });

  it('answers an unknown profile like a private one', async () => {
    expect(profileMetadata(await resolvePublicProfile(database.db, 'no-such-slug1', null))).toEqual(
      { title: 'Not found', robots: NOINDEX },
    );
  });
});
