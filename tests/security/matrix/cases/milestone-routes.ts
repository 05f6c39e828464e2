import { eq } from 'drizzle-orm';
import { milestoneEvents } from '@/db/schema';
import { pdfBytes } from '@/tests/helpers/compliance-fixtures';
import { milestoneStatus, victimMilestone } from '@/tests/helpers/milestone-world';
import {
  browserRequest,
  CROSS_SITE,
  formOf,
  postRequest,
  redirectedTo,
  routeArgs,
  statusOf,
} from '../calls';
import { defineCase, type Entry } from '../runner';

const BASE = 'app/(app)/contracts/[id]/milestones/[milestoneId]';
type Target = { contractId: string; milestoneId: string; fileId: string | null };
const pathOf = (t: Target, rest: string) =>
  `/contracts/${t.contractId}/milestones/${t.milestoneId}/${rest}`;

const submissionForm = () =>
  formOf({
    message: 'The sketches',
    links: 'https://example.com/figma',
    files: new File([Buffer.from(pdfBytes())], 'Sketches.pdf', { type: 'application/pdf' }),
  });

/** The submission upload and the submitted files' downloads. */
export const MILESTONE_ROUTE_CASES: Record<string, Entry> = {
  [`${BASE}/submit/upload/route.ts#POST`]: defineCase<Target>({
    kind: 'owner',
    reason:
      'Only the freelancer on the milestone’s contract submits it (same-origin posts only); anyone else gets the answer of an unknown milestone and nothing is stored.',
    rightful: 'victimFreelancer',
    arrange: (world) => victimMilestone(world, 'funded'),
    args: ({ target }) =>
      routeArgs(postRequest(pathOf(target, 'submit/upload'), { body: submissionForm() }), {
        id: target.contractId,
        milestoneId: target.milestoneId,
      }),
    wrongArgs: [
      ({ target }) =>
        routeArgs(
          postRequest(pathOf(target, 'submit/upload'), {
            headers: CROSS_SITE,
            body: submissionForm(),
          }),
          { id: target.contractId, milestoneId: target.milestoneId },
        ),
    ],
    async succeeded(outcome, { world, target }) {
      expect(statusOf(outcome)).toBe(303);
      expect(redirectedTo(outcome)).toBe(`${pathOf(target, 'submit')}?notice=submitted`);
      expect(await milestoneStatus(world, target.milestoneId)).toBe('submitted');
      const events = await world.db
        .select()
        .from(milestoneEvents)
        .where(eq(milestoneEvents.milestoneId, target.milestoneId));
      expect(events.map((e) => e.type)).toEqual(['submitted']);
    },
  }),

  [`${BASE}/files/[fileId]/route.ts#GET`]: defineCase<Target>({
    kind: 'owner',
    reason:
      'A submitted file is for the contract’s client and freelancer and for ops; everyone else gets the 404 of an unknown id.',
    rightful: 'victimClient',
    arrange: (world) => victimMilestone(world, 'submitted'),
    args: ({ target }) =>
      routeArgs(browserRequest(pathOf(target, `files/${target.fileId}`)), {
        id: target.contractId,
        milestoneId: target.milestoneId,
        fileId: target.fileId!,
      }),
    // The freelancer who sent it and ops may download it too (each download audited).
    others: { victimFreelancer: 'allowed', admin: 'allowed' },
    async succeeded(outcome) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && Buffer.from(outcome.bytes)).toEqual(
        Buffer.from(pdfBytes()),
      );
    },
  }),
};
