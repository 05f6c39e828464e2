import { and, eq } from 'drizzle-orm';
import { jobPosts } from '@/db/schema';
import type { JobPostRow } from '@/lib/job-posts/queries';
import { createJobPost } from '@/tests/helpers/job-post-fixtures';
import { redirectedTo } from '@/tests/security/matrix/calls';
import type { World } from '@/tests/security/matrix/world';
import { defineActionCase, type ActionCase } from '../case';

const ACTIONS = 'app/(app)/client/jobs/actions.ts';

/** A post of the victim client's workspace, in the state the action starts from. */
function victimPost(status: JobPostRow['status']) {
  return async (world: World) => {
    const { post } = await createJobPost(world.db, {
      workspace: world.victimClient.inviter,
      status,
    });
    return { jobPostId: post.id, protect: [post.id] };
  };
}

async function postRow(world: World, id: string) {
  const [row] = await world.db.select().from(jobPosts).where(eq(jobPosts.id, id));
  return row;
}

/** The job post form's fields, as the page sends them. */
const postFields = (title: string) => ({
  title,
  description: 'A React booking page with a calendar.',
  skills: 'React, TypeScript',
  budgetKind: 'fixed',
  fixedBudgetDollars: '1500',
  experience: 'expert',
  duration: 'under_1_month',
  workload: 'under_10',
  visibility: 'public',
  'questions.0': 'Which booking tools have you used?',
});

/** Client job posts (lib/job-posts): every action scoped to the caller's own workspace. */
export const JOB_POST_CASES: Record<string, ActionCase> = {
  [`${ACTIONS}#createJobPostAction`]: defineActionCase({
    actor: 'client',
    kind: 'self',
    reason: "Posts into the caller's own workspace; a workspace id in the form is ignored.",
    rightful: 'victimClient',
    arrange: async () => ({ title: `Matrix job ${Math.random().toString(36).slice(2)}` }),
    form: ({ target }) => ({ ...postFields(target.title), intent: 'publish' }),
    async succeeded(outcome, { world, target }) {
      const rows = await world.db
        .select()
        .from(jobPosts)
        .where(
          and(
            eq(jobPosts.title, target.title),
            eq(jobPosts.workspaceId, world.victimClient.workspaceId),
          ),
        );
      expect(rows.length).toBeGreaterThan(0);
      const row = rows[rows.length - 1];
      expect(redirectedTo(outcome)).toMatch(/^\/client\/jobs\/[0-9a-f-]{36}\?notice=published$/);
      expect(row).toMatchObject({
        status: 'open',
        fixedBudgetCents: 150_000,
        skills: ['React', 'TypeScript'],
        questions: ['Which booking tools have you used?'],
      });
    },
  }),

  [`${ACTIONS}#editJobPostAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: "Only the workspace that posted the job may edit it; another's id is not found.",
    rightful: 'victimClient',
    arrange: victimPost('open'),
    form: ({ target }) => ({ jobPostId: target.jobPostId, ...postFields('Edited by the matrix') }),
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/jobs/${target.jobPostId}?notice=edited`);
      expect(await postRow(world, target.jobPostId)).toMatchObject({
        title: 'Edited by the matrix',
        status: 'open',
      });
    },
  }),

  [`${ACTIONS}#publishJobPostAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: 'Only the workspace that drafted the post may publish it.',
    rightful: 'victimClient',
    arrange: victimPost('draft'),
    form: ({ target }) => ({ jobPostId: target.jobPostId }),
    fuzz: { freshEachRun: 'a published post cannot be published again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/jobs/${target.jobPostId}?notice=published`);
      expect((await postRow(world, target.jobPostId)).status).toBe('open');
    },
  }),

  [`${ACTIONS}#closeJobPostAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: 'Only the workspace that posted the job may close it.',
    rightful: 'victimClient',
    arrange: victimPost('open'),
    form: ({ target }) => ({ jobPostId: target.jobPostId, reason: 'hired' }),
    fuzz: { freshEachRun: 'a closed post cannot be closed again' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/jobs/${target.jobPostId}?notice=closed`);
      expect(await postRow(world, target.jobPostId)).toMatchObject({
        status: 'closed',
        closeReason: 'hired',
      });
    },
  }),

  [`${ACTIONS}#reopenJobPostAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: 'Only the workspace that posted the job may reopen it.',
    rightful: 'victimClient',
    arrange: victimPost('closed'),
    form: ({ target }) => ({ jobPostId: target.jobPostId }),
    fuzz: { freshEachRun: 'an open post cannot be reopened' },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`/client/jobs/${target.jobPostId}?notice=reopened`);
      expect(await postRow(world, target.jobPostId)).toMatchObject({
        status: 'open',
        closeReason: null,
      });
    },
  }),
};
