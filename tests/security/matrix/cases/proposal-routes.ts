import { and, eq } from 'drizzle-orm';
import { proposalAttachments, proposals } from '@/db/schema';
import { checkAttachments } from '@/lib/files/attachments';
import { submitProposal } from '@/lib/proposals/service';
import { openJob } from '@/tests/actions/cases/proposals';
import { pdfBytes } from '@/tests/helpers/compliance-fixtures';
import { parseProposal } from '@/tests/helpers/proposal-fixtures';
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

const proposalForm = () =>
  formOf({
    coverLetter: '<script>alert(1)</script> I build dashboards.',
    'answers.0': 'Line charts.',
    'answers.1': 'Monday.',
    bidShape: 'hourly',
    hourlyRateDollars: '45',
    estimatedDuration: '1_to_3_months',
    files: new File([Buffer.from(pdfBytes())], 'Portfolio.pdf', { type: 'application/pdf' }),
  });

type SendTarget = { jobPostId: string };
type FileTarget = { proposalId: string; fileId: string; protect: string[] };

/** Sending a proposal with its files, and downloading them. */
export const PROPOSAL_ROUTE_CASES: Record<string, Entry> = {
  'app/(app)/jobs/[id]/propose/send/route.ts#POST': defineCase<SendTarget>({
    kind: 'self',
    reason:
      'Sends a proposal as the caller, to a job they may see (same-origin posts only); a freelancer id in the form is ignored, and a job hidden from them is not found.',
    rightful: 'victimFreelancer',
    arrange: async (world) => ({ jobPostId: (await openJob(world)).id }),
    args: ({ target }) =>
      routeArgs(
        postRequest(`/jobs/${target.jobPostId}/propose/send`, {
          body: proposalForm(),
        }),
        { id: target.jobPostId },
      ),
    wrongArgs: [
      ({ target }) =>
        routeArgs(
          postRequest(`/jobs/${target.jobPostId}/propose/send`, {
            headers: CROSS_SITE,
            body: proposalForm(),
          }),
          { id: target.jobPostId },
        ),
    ],
    // Another freelancer may propose to the same open job: a proposal of their own.
    others: { otherFreelancer: 'own-rows' },
    async succeeded(outcome, { world, target }) {
      expect(statusOf(outcome)).toBe(303);
      expect(redirectedTo(outcome)).toMatch(/^\/proposals\/[0-9a-f-]{36}\?notice=sent$/);
      const rows = await world.db
        .select()
        .from(proposals)
        .where(
          and(
            eq(proposals.jobPostId, target.jobPostId),
            eq(proposals.freelancerId, world.victimFreelancer.userId),
          ),
        );
      expect(rows).toEqual([
        expect.objectContaining({
          coverLetter: '<script>alert(1)</script> I build dashboards.',
          hourlyRateCents: 4500,
        }),
      ]);
      const files = await world.db
        .select()
        .from(proposalAttachments)
        .where(eq(proposalAttachments.proposalId, rows[0].id));
      expect(files).toHaveLength(1);
    },
  }),

  'app/(app)/proposals/[id]/files/[fileId]/route.ts#GET': defineCase<FileTarget>({
    kind: 'owner',
    reason:
      'A proposal’s file is for the freelancer who sent it, the job’s owner workspace and ops; everyone else gets the 404 of an unknown id.',
    rightful: 'victimFreelancer',
    async arrange(world) {
      const job = await openJob(world);
      const files = await checkAttachments([{ fileName: 'Portfolio.pdf', bytes: pdfBytes() }]);
      if (!files.ok) throw new Error(files.errors.join(' '));
      const sent = await submitProposal(world.db, {
        freelancerId: world.victimFreelancer.userId,
        input: parseProposal({ jobPostId: job.id }),
        files: files.files,
      });
      if (!sent.ok) throw new Error(sent.message);
      const [file] = await world.db
        .select()
        .from(proposalAttachments)
        .where(eq(proposalAttachments.proposalId, sent.proposalId));
      return { proposalId: sent.proposalId, fileId: file.fileId, protect: [sent.proposalId] };
    },
    args: ({ target }) =>
      routeArgs(browserRequest(`/proposals/${target.proposalId}/files/${target.fileId}`), {
        id: target.proposalId,
        fileId: target.fileId,
      }),
    // The job's client and ops may download it too (each download audited).
    others: { victimClient: 'allowed', admin: 'allowed' },
    async succeeded(outcome) {
      expect(statusOf(outcome)).toBe(200);
      expect(outcome.type === 'response' && Buffer.from(outcome.bytes)).toEqual(
        Buffer.from(pdfBytes()),
      );
    },
  }),
};
