import { eq } from 'drizzle-orm';
import { profiles } from '@/db/schema';
import { createTestDatabase } from '@/tests/helpers/db';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';
import { flattenProfileValues, profileFormDefaults, readProfileForm } from './form';
import { insertProfileIfAbsent } from './queries';
import {
  completenessOf,
  ensureProfile,
  getProfileSettings,
  saveProfile,
  setProfileVisibility,
} from './service';
import { isSlug, profileSlug } from './slug';
import { profileSchema } from '@/lib/profile/schemas';
import { visibilitySchema } from '@/lib/profile/visibility';
import { asSubmitted } from '@/tests/helpers/submitted';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

installTestEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const OVERVIEW =
  'I design and build booking systems for small clinics, from the first sketch to launch and support.';

const PROFILE = {
  title: 'Full-stack developer',
  overview: `${OVERVIEW} ${OVERVIEW}`,
  hourlyRateCents: '45.50',
  skills: 'React, Node.js',
  portfolioLinks: 'https://example.com/work',
  languages: [{ language: 'English', level: 'fluent' }],
  employment: [{ company: 'Acme', title: 'Developer', from: '2020-01', to: '' }],
  education: [
    { school: 'University of Lisbon', degree: 'BSc', startYear: '2014', endYear: '2018' },
  ],
};

async function rowOf(userId: string) {
  const [row] = await database.db.select().from(profiles).where(eq(profiles.userId, userId));
  return row;
}

describe('saveProfile', () => {
  it('creates the profile with a slug from the name, private by default', async () => {
    const who = await createFreelancer(database.db, { firstName: 'Alex', lastName: 'Kim' });
    expect(
      await asSubmitted(profileSchema, PROFILE, (input) =>
        saveProfile(database.db, who.userId, input),
      ),
    ).toEqual({ ok: true });
    const row = await rowOf(who.userId);
    expect(row.slug).toMatch(/^alex-k-[a-z2-9]{6}$/);
    expect(row).toMatchObject({
      title: 'Full-stack developer',
      hourlyRateCents: 4550,
      skills: ['React', 'Node.js'],
      visibility: 'private',
      employment: [{ company: 'Acme', title: 'Developer', from: '2020-01', to: null }],
      education: [{ school: 'University of Lisbon', degree: 'BSc', from: 2014, to: 2018 }],
      portfolioLinks: ['https://example.com/work'],
    });
    // Saving again keeps the address.
    await asSubmitted(profileSchema, { ...PROFILE, title: 'Developer' }, (input) =>
      saveProfile(database.db, who.userId, input),
    );
    expect((await rowOf(who.userId)).slug).toBe(row.slug);
    expect(completenessOf(await rowOf(who.userId)).percent).toBe(75);
  });

  it('refuses an overview under 100 characters and 16 skills, with both messages, and stores nothing', async () => {
    const who = await createFreelancer(database.db);
    const skills = Array.from({ length: 16 }, (_, i) => `Skill ${i + 1}`).join(', ');
    const result = await asSubmitted(
      profileSchema,
      {
        ...PROFILE,
        overview: 'x'.repeat(99),
        skills,
      },
      (input) => saveProfile(database.db, who.userId, input),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Please correct the highlighted fields.',
      fieldErrors: {
        overview: ['Write at least 100 characters; the overview has 99 so far.'],
        skills: ['List up to 15 skills; you have 16. Keep the ones clients search for most.'],
      },
    });
    expect(await rowOf(who.userId)).toBeUndefined();
    expect(
      await asSubmitted(
        profileSchema,
        {
          ...PROFILE,
          skills: Array.from({ length: 15 }, (_, i) => `S${i}`).join(','),
        },
        (input) => saveProfile(database.db, who.userId, input),
      ),
    ).toEqual({ ok: true });
  });

  it('stores script typed into every text field as text, exactly as typed', async () => {
    const who = await createFreelancer(database.db);
    const s = '<script>alert(1)</script>';
    const result = await asSubmitted(
      profileSchema,
      {
        title: s,
        overview: `${s} ${OVERVIEW}`,
        hourlyRateCents: '45',
        skills: `${s}, <img src=x onerror=alert(1)>`,
        portfolioLinks: '',
        languages: [{ language: s, level: 'basic' }],
        employment: [{ company: s, title: s, from: '2020-01' }],
        education: [{ school: s, degree: s, startYear: '2010' }],
      },
      (input) => saveProfile(database.db, who.userId, input),
    );
    expect(result).toEqual({ ok: true });
    const row = await rowOf(who.userId);
    expect(row).toMatchObject({
      title: s,
      overview: `${s} ${OVERVIEW}`,
      skills: [s, '<img src=x onerror=alert(1)>'],
      languages: [{ language: s, level: 'basic' }],
      employment: [{ company: s, title: s }],
      education: [{ school: s, degree: s }],
    });
    const refused = await asSubmitted(
      profileSchema,
      {
        ...PROFILE,
        portfolioLinks: 'javascript:alert(1)',
      },
      (input) => saveProfile(database.db, who.userId, input),
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { portfolioLinks: [expect.stringContaining('https://')] },
    });
  });
});

describe('the profile form', () => {
  it('drops empty rows so errors and echoed values share their numbers', () => {
    const form = new FormData();
    form.set('title', 'Designer');
    form.set('employment.0.company', '');
    form.set('employment.0.title', '');
    form.set('employment.1.company', 'Acme');
    form.set('employment.1.title', 'Designer');
    form.set('employment.1.from', '2030-01');
    const raw = readProfileForm(form);
    expect(raw.employment).toEqual([{ company: 'Acme', title: 'Designer', from: '2030-01' }]);
    expect(raw.languages).toEqual([]);
    expect(flattenProfileValues(raw)).toMatchObject({
      'employment.0.company': 'Acme',
      employmentRows: '1',
      languagesRows: '0',
    });
  });

  it('turns a saved profile back into form values', async () => {
    const who = await createFreelancer(database.db);
    await asSubmitted(profileSchema, PROFILE, (input) =>
      saveProfile(database.db, who.userId, input),
    );
    expect(profileFormDefaults(await rowOf(who.userId))).toMatchObject({
      hourlyRateCents: '45.50',
      skills: 'React, Node.js',
      'education.0.startYear': '2014',
      'employment.0.to': '',
      employmentRows: '1',
    });
  });
});

describe('slugs', () => {
  it('are first name, last initial and a suffix, folded to plain letters', () => {
    expect(profileSlug('Ána María', 'Ñúñez', 'abc234')).toBe('ana-maria-n-abc234');
    expect(profileSlug(null, null)).toMatch(/^freelancer-[a-z2-9]{6}$/);
    expect(profileSlug('<script>', '../x')).toMatch(/^script-x-[a-z2-9]{6}$/);
    expect(isSlug('alex-k-abc234')).toBe(true);
    expect(isSlug('../etc')).toBe(false);
  });

  it('are unique: the database refuses a taken one, and concurrent first saves share one row', async () => {
    const first = await createFreelancer(database.db);
    const second = await createFreelancer(database.db);
    const { slug } = await ensureProfile(database.db, first.userId);
    expect(await insertProfileIfAbsent(database.db, second.userId, slug)).toBeUndefined();
    const both = await Promise.all([
      ensureProfile(database.db, second.userId),
      ensureProfile(database.db, second.userId),
    ]);
    expect(both[0].slug).toBe(both[1].slug);
    expect(both[0].slug).not.toBe(slug);
  });
});

describe('visibility', () => {
  it('saves a valid choice and refuses anything else', async () => {
    const who = await createFreelancer(database.db);
    expect(
      await asSubmitted(visibilitySchema, { visibility: 'public' }, (input) =>
        setProfileVisibility(database.db, who.userId, input),
      ),
    ).toEqual({
      ok: true,
    });
    expect((await rowOf(who.userId)).visibility).toBe('public');
    expect(
      await asSubmitted(visibilitySchema, { visibility: 'everyone' }, (input) =>
        setProfileVisibility(database.db, who.userId, input),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { visibility: ['Choose who can see your profile.'] },
    });
    const settings = await getProfileSettings(database.db, who.userId);
    expect(settings.publicPath).toBe(`/freelancers/${(await rowOf(who.userId)).slug}`);
  });
});
