import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobPosts } from '@/db/schema';
import type { Inviter } from '@/lib/accounts/inviter';
import { jobPostSchema, type JobPostInput } from '@/lib/job-posts/schemas';
import { createJobPost } from '@/lib/job-posts/service';

/** The demo client's open job posts, for Find Work's search, feed and job pages. */
const DEMO_JOB_POSTS: JobPostInput[] = [
  {
    title: 'Booking page for a physiotherapy clinic',
    description:
      'We need a simple booking page for three therapists: pick a treatment, a therapist and a slot; confirmation by email. We host on Vercel and use Postgres.',
    skills: 'Next.js, TypeScript, Postgres',
    budgetKind: 'hourly',
    hourlyMinDollars: '45',
    hourlyMaxDollars: '70',
    experience: 'intermediate',
    duration: '1_to_3_months',
    workload: '10_to_30',
    questions: 'Which booking page have you built before?',
  },
  {
    title: 'Logo and brand colours for a bakery',
    description:
      'A small family bakery opening a second shop wants a logo, a palette and a one-page brand guide for signs, bags and the menu board.',
    skills: 'Logo design, Branding, Illustrator',
    budgetKind: 'fixed',
    fixedBudgetDollars: '1200',
    experience: 'entry',
    duration: 'under_1_month',
    workload: 'under_10',
  },
  {
    title: 'React Native developer for a delivery-tracking app',
    description:
      'Our couriers need an app that shows the day’s route, takes a photo on delivery and works offline in basements. Backend API exists.',
    skills: 'React Native, TypeScript, Offline sync',
    budgetKind: 'hourly',
    hourlyMinDollars: '60',
    hourlyMaxDollars: '95',
    experience: 'expert',
    duration: '3_to_6_months',
    workload: 'over_30',
  },
  {
    title: 'Copywriter for a SaaS pricing page',
    description:
      'Rewrite our pricing page and three feature pages so that a finance manager understands them in a minute. Two rounds of edits.',
    skills: 'Copywriting, SaaS, Editing',
    budgetKind: 'fixed',
    fixedBudgetDollars: '800',
    experience: 'intermediate',
    duration: 'under_1_month',
    workload: 'under_10',
  },
];

/** Publishes the demo posts once: a workspace that already has a post gets none. */
export async function seedDemoJobPosts(db: Db, inviter: Inviter): Promise<void> {
  const [existing] = await db
    .select({ id: jobPosts.id })
    .from(jobPosts)
    .where(eq(jobPosts.workspaceId, inviter.workspaceId))
    .limit(1);
  if (existing) return;
  const owner = { userId: inviter.userId, workspaceId: inviter.workspaceId };
  for (const input of DEMO_JOB_POSTS) {
    const created = await createJobPost(db, owner, jobPostSchema.parse(input), { publish: true });
    if (!created.ok) throw new Error(`The demo job post "${input.title}" was refused.`);
  }
}
