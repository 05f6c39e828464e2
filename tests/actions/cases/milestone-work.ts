import { redirectedTo } from '@/tests/security/matrix/calls';
import { milestoneStatus, victimMilestone } from '@/tests/helpers/milestone-world';
import { defineActionCase, type ActionCase } from '../case';

const REVIEW = 'app/(app)/contracts/[id]/milestones/[milestoneId]/review/actions.ts';
const REFUND = 'app/(app)/contracts/[id]/milestones/[milestoneId]/refund/actions.ts';

type Target = { contractId: string; milestoneId: string };
const page = (t: Target, path: string) =>
  `/contracts/${t.contractId}/milestones/${t.milestoneId}/${path}`;
const ids = (t: Target) => ({ contractId: t.contractId, milestoneId: t.milestoneId });
const USED_UP = 'a milestone moves on once: a second call finds it in its next state';

/** The review, release and refund of a milestone (submission and downloads: route cases). */
export const MILESTONE_WORK_CASES: Record<string, ActionCase> = {
  [`${REVIEW}#approveMilestoneAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason:
      'Only the client of the milestone’s contract approves it (findContractForViewer in the service); another client gets the answer of an unknown id.',
    rightful: 'victimClient',
    arrange: (world) => victimMilestone(world, 'submitted'),
    form: ({ target }) => ids(target),
    fuzz: { freshEachRun: USED_UP },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`${page(target, 'review')}?notice=released`);
      expect(await milestoneStatus(world, target.milestoneId)).toBe('released');
    },
  }),

  [`${REVIEW}#requestChangesAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: 'Only the client of the milestone’s contract asks for changes to its submission.',
    rightful: 'victimClient',
    arrange: (world) => victimMilestone(world, 'submitted'),
    form: ({ target }) => ({ ...ids(target), message: 'Make the logo blue.' }),
    fuzz: { freshEachRun: USED_UP },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`${page(target, 'review')}?notice=changes-requested`);
      expect(await milestoneStatus(world, target.milestoneId)).toBe('changes_requested');
    },
  }),

  [`${REVIEW}#releaseNowAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: 'Only the client of the milestone’s contract releases its escrow early.',
    rightful: 'victimClient',
    arrange: (world) => victimMilestone(world, 'funded'),
    form: ({ target }) => ({ ...ids(target), confirm: 'on' }),
    fuzz: { freshEachRun: USED_UP },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`${page(target, 'review')}?notice=released`);
      expect(await milestoneStatus(world, target.milestoneId)).toBe('released');
    },
  }),

  [`${REFUND}#requestRefundAction`]: defineActionCase({
    actor: 'client',
    kind: 'owner',
    reason: 'Only the client of the milestone’s contract asks for its money back.',
    rightful: 'victimClient',
    arrange: (world) => victimMilestone(world, 'funded'),
    form: ({ target }) => ({ ...ids(target), message: 'We cancelled the project.' }),
    fuzz: { freshEachRun: USED_UP },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`${page(target, 'refund')}?notice=requested`);
      expect(await milestoneStatus(world, target.milestoneId)).toBe('refund_requested');
    },
  }),

  [`${REFUND}#answerRefundAction`]: defineActionCase({
    actor: 'freelancer',
    kind: 'owner',
    reason:
      'Only the freelancer on the milestone’s contract answers its refund request; another freelancer gets the answer of an unknown id.',
    rightful: 'victimFreelancer',
    arrange: (world) => victimMilestone(world, 'refund_requested'),
    form: ({ target }) => ({ ...ids(target), answer: 'refuse', message: 'Half of it is done.' }),
    fuzz: { freshEachRun: USED_UP },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe(`${page(target, 'refund')}?notice=refused`);
      expect(await milestoneStatus(world, target.milestoneId)).toBe('refund_requested');
    },
  }),

  'app/(app)/admin/milestone-refunds/actions.ts#decideRefundAction': defineActionCase({
    actor: 'reviewer',
    kind: 'admin-only',
    reason: 'Ops decide refund requests the freelancer refused or left unanswered.',
    rightful: 'admin',
    arrange: (world) => victimMilestone(world, 'with_ops'),
    form: ({ target }) => ({ ...ids(target), decision: 'release', note: 'Work was delivered.' }),
    fuzz: { freshEachRun: USED_UP },
    async succeeded(outcome, { world, target }) {
      expect(redirectedTo(outcome)).toBe('/admin/milestone-refunds?notice=released');
      expect(await milestoneStatus(world, target.milestoneId)).toBe('released');
    },
  }),
};
