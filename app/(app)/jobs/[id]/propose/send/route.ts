import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { checkSameOrigin } from '@/lib/actions/origin';
import { uploadsFromForm } from '@/lib/compliance/documents';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@/lib/files/attachment-limits';
import { checkAttachments, refusedAttachments } from '@/lib/files/attachments';
import { collectFieldErrors, formValues, refuseNulCharacters, type FieldErrors } from '@/lib/forms';
import { formDataToObject } from '@/lib/forms-data';
import { keepProposalDraft } from '@/lib/proposals/drafts';
import { bidFieldErrors, proposalSchema } from '@/lib/proposals/schemas';
import { getEnv } from '@/lib/env';
import {
  dailyCapMessage,
  DUPLICATE_MESSAGE,
  findOwnProposal,
  submitProposal,
} from '@/lib/proposals/service';
import { seeOther } from '@/lib/security/same-origin';
import { readFormBody } from '@/lib/server/form-body';
import { PROBLEM_MESSAGES, problemsQuery, type ProposalProblem } from '../problems';

// Every file at its limit, plus the proposal's text (~80 kB at every limit) and the framing.
const MAX_BODY_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 256 * 1024;

type Params = { params: Promise<{ id: string }> };

type Refusal = {
  problem: ProposalProblem;
  message?: string;
  fieldErrors?: FieldErrors;
  files?: string[];
  link?: { href: string; label: string };
};

/**
 * The proposal with its files (multipart). Origin and session are checked before a byte of
 * the body is read, the body is read with a cap, files are judged by content, and the service
 * decides, in its transaction, whether the job takes this proposal; a refused proposal stores
 * no file. The form's script asks for JSON (the form state, the typed text kept in the page);
 * a form posted without JavaScript is answered 303, success or not, a refusal keeping the
 * typed text as the freelancer's draft for the page (lib/proposals/drafts.ts).
 */
export async function POST(request: Request, { params }: Params) {
  const { id } = await params;
  const page = `/jobs/${encodeURIComponent(id)}/propose`;
  const json = (request.headers.get('accept') ?? '').includes('application/json');
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  const actor = await loadActorOf('freelancer');
  if (!actor) return seeOther('/sign-in');
  const { db } = await getDatabase();
  // With the script the typed text stays in the page; without it, it waits for the page as
  // the freelancer's draft of this job's proposal (never in the address), files aside.
  const refuse = async (r: Refusal, form?: FormData) => {
    if (json) {
      return Response.json({
        ok: false,
        message: r.message ?? PROBLEM_MESSAGES[r.problem],
        fieldErrors: r.fieldErrors ?? {},
        values: form ? formValues(form) : {},
        ...(r.link ? { link: r.link } : {}),
      });
    }
    if (form) await keepProposalDraft(db, actor.userId, id, form);
    return seeOther(
      `${page}?${problemsQuery(r.problem, Object.keys(r.fieldErrors ?? {}), r.files)}`,
    );
  };
  const body = await readFormBody(request, MAX_BODY_BYTES);
  if (!body.ok) return refuse({ problem: body.problem });
  const form = body.form;
  const unstorable = refuseNulCharacters(form);
  if (unstorable) return refuse({ problem: 'invalid', ...unstorable }, form);
  // The job is the one in the address; a jobPostId in the body is not asked for.
  const parsed = proposalSchema.safeParse({ ...formDataToObject(form), jobPostId: id });
  const uploads = await uploadsFromForm(form, 'files');
  const files = await checkAttachments(uploads);
  if (!parsed.success || !files.ok) {
    const fieldErrors: FieldErrors = parsed.success
      ? {}
      : { ...bidFieldErrors(form), ...collectFieldErrors(parsed.error) };
    if (!files.ok) fieldErrors.files = files.errors;
    const refused = files.ok ? [] : await refusedAttachments(uploads);
    return refuse({ problem: 'invalid', fieldErrors, files: refused }, form);
  }
  const result = await submitProposal(db, {
    freelancerId: actor.userId,
    input: parsed.data,
    files: files.files,
  });
  if (result.ok) {
    const location = `/proposals/${result.proposalId}?notice=sent`;
    return json ? Response.json({ ok: true, location }) : seeOther(location);
  }
  if (result.fieldErrors) return refuse({ problem: 'invalid', ...result }, form);
  const existing =
    result.message === DUPLICATE_MESSAGE
      ? await findOwnProposal(db, parsed.data.jobPostId, actor.userId)
      : undefined;
  const link = existing && { href: `/proposals/${existing.id}`, label: 'View your proposal' };
  const problem =
    result.message === dailyCapMessage(getEnv().PROPOSALS_DAILY_CAP) ? 'cap' : 'refused';
  return refuse({ problem, message: result.message, link }, form);
}
