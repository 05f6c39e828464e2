import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { profiles } from '@/db/schema';
import { createSession } from '@/lib/auth/service';
import { insertJobPost } from '@/tests/helpers/job-post-fixtures';
import { createTestDatabase } from '@/tests/helpers/db';
import { insertProposal } from '@/tests/helpers/find-work-fixtures';
import { createClient } from '@/tests/helpers/invite-fixtures';
import { installRequestMocks, startRequest } from '@/tests/helpers/request-context';
import { pageOutcome } from '@/tests/helpers/page-outcome';
import { createFreelancer, installTestEncryptionKey } from '@/tests/helpers/settings-fixtures';

/* Issue 18 part 5: /find-work for its freelancer, and its side menu's changes on the profile. */
installRequestMocks();
installTestEncryptionKey();
const { default: FindWorkPage } = await import('@/app/(app)/find-work/page');
const { setAvailabilityAction, setFindWorkVisibilityAction } =
  await import('@/app/(app)/find-work/actions');
const { default: FreelancerProfilePage } = await import('@/app/(public)/freelancers/[slug]/page');

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let freelancer: Awaited<ReturnType<typeof createFreelancer>>;
let stranger: Awaited<ReturnType<typeof createFreelancer>>;
let client: Awaited<ReturnType<typeof createClient>>;
let postId: string;
const slug = `alex-k-${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  database = await createTestDatabase();
  freelancer = await createFreelancer(database.db, { firstName: 'Alex', lastName: 'Kim' });
  stranger = await createFreelancer(database.db, { firstName: 'Sam', lastName: 'Ortiz' });
  client = await createClient(database.db);
  await database.db
    .insert(profiles)
    .values({ userId: freelancer.userId, slug, title: 'Web developer', skills: ['react'] });
  ({ id: postId } = await insertJobPost(database.db, client, {
    title: 'Clinic booking page',
    skills: ['React', 'Postgres'],
    budgetKind: 'fixed',
    hourlyMinCents: null,
    hourlyMaxCents: null,
    fixedBudgetCents: 120_000,
  }));
  await insertJobPost(database.db, client, { title: 'Unrelated', skills: ['Welding'] });
  const other = await insertJobPost(database.db, client, { title: 'Second', skills: ['React'] });
  await insertProposal(database.db, other.id, freelancer.userId, 'shortlisted');
});
afterAll(() => database.dispose());

const sessionOf = async (userId: string) => (await createSession(database.db, userId)).token;

/** Runs a page or action as the request would: a redirect or 404 comes back as text. */
async function findWorkAs(token: string | null, notice?: string) {
  startRequest(token);
  return pageOutcome(() => FindWorkPage({ searchParams: Promise.resolve({ notice }) }));
}

async function profilePageAs(token: string | null) {
  startRequest(token);
  return pageOutcome(() => FreelancerProfilePage({ params: Promise.resolve({ slug }) }));
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('/find-work', () => {
  it('shows the skills feed beside the side menu, with links on', async () => {
    const html = await findWorkAs(await sessionOf(freelancer.userId));
    expect(html).toContain('<h1');
    expect(html).toContain('Jobs that match your skills');
    expect(html).toContain(`href="/jobs/${postId}"`);
    expect(html).toContain('Clinic booking page');
    expect(html).toContain('Fixed price: $1,200.00');
    expect(html).not.toContain('Unrelated');
    expect(html).toMatch(/<aside[^>]*>.*<h2[^>]*>Your Find Work menu<\/h2>/s);
    expect(html).toContain('Proposals in progress (1)');
    expect(html).toContain('Second');
    for (const href of ['/find-work/search', '/messages', '/proposals'])
      expect(html).toContain(`href="${href}"`);
    expect(html).toMatch(/<a href="\/proposals\/[0-9a-f-]{36}">Second<\/a>/);
    expect(html).toMatch(/<input[^>]*id="visibility-private"[^>]*checked/);
    expect(html).toMatch(/<input[^>]*id="availability-available"[^>]*checked/);
    expect(html).toContain('<label for="availability-limited">Limited</label>');
  });

  it('is for freelancers only', async () => {
    expect(await findWorkAs(await sessionOf(client.userId))).toBe(
      'redirect /welcome?add=freelancer',
    );
    expect(await findWorkAs(null)).toMatch(/^redirect \/sign-in/);
  });
});

describe('the side menu’s changes, on the profile page', () => {
  it('shows a new availability on the public profile', async () => {
    const token = await sessionOf(freelancer.userId);
    startRequest(token);
    expect(
      await pageOutcome(() => setFindWorkVisibilityAction(null, form({ visibility: 'public' }))),
    ).toBe('redirect /find-work?notice=visibility-saved');
    startRequest(token);
    expect(
      await pageOutcome(() => setAvailabilityAction(null, form({ availability: 'limited' }))),
    ).toBe('redirect /find-work?notice=availability-saved');
    expect(await findWorkAs(token, 'availability-saved')).toContain('Availability saved: Limited.');
    const anonymous = await profilePageAs(null);
    expect(anonymous).toContain('Availability: <strong>Limited</strong>');
    expect(anonymous).toContain('Web developer');
  });

  it('keeps visibility working: signed-in only asks to sign in, private is not found', async () => {
    const token = await sessionOf(freelancer.userId);
    const strangerToken = await sessionOf(stranger.userId);
    startRequest(token);
    await pageOutcome(() => setFindWorkVisibilityAction(null, form({ visibility: 'signed_in' })));
    expect(await profilePageAs(null)).toContain('Sign in to see this profile');
    expect(await profilePageAs(strangerToken)).toContain('Availability: <strong>');

    startRequest(token);
    await pageOutcome(() => setFindWorkVisibilityAction(null, form({ visibility: 'private' })));
    expect(await profilePageAs(null)).toBe('not-found');
    const limited = await profilePageAs(strangerToken);
    expect(limited).toContain('keeps the rest of their profile private');
    expect(limited).not.toContain('Availability');
    const [row] = await database.db
      .select()
      .from(profiles)
      .where(eq(profiles.userId, freelancer.userId));
    expect(row.visibility).toBe('private');
  });

  it('puts a refused value’s message next to its field', async () => {
    startRequest(await sessionOf(freelancer.userId));
    const refused = await setAvailabilityAction(null, form({ availability: 'on-holiday' }));
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { availability: ['Choose how available you are for new work.'] },
    });
  });
});
