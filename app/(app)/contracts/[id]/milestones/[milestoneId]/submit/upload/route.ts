import { getDatabase } from '@/db';
import { loadActorOf } from '@/lib/actions/actor';
import { checkSameOrigin } from '@/lib/actions/origin';
import { uploadsFromForm } from '@/lib/compliance/documents';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@/lib/files/attachment-limits';
import { checkAttachments, refusedAttachments } from '@/lib/files/attachments';
import { submitMilestone } from '@/lib/milestones/submission';
import { keepSubmissionDraft } from '@/lib/milestones/submission-drafts';
import { submissionSchema } from '@/lib/milestones/submission-schemas';
import { contractViewerOf } from '@/lib/milestones/work-state';
import { seeOther } from '@/lib/security/same-origin';
import { readFormBody } from '@/lib/server/form-body';

// Every file at its limit, plus the message, the links and the multipart framing.
const MAX_BODY_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 256 * 1024;

type Params = { params: Promise<{ id: string; milestoneId: string }> };

/**
 * The freelancer's submission (multipart: message, links, files; the same with or without
 * JavaScript). Origin and session are checked before a byte of the body is read, the body is
 * read with a cap, files are judged by content, and the service decides again, in its
 * transaction, whether this milestone takes a submission. A refused submission's message and
 * links are kept for the page to put back (lib/milestones/submission-drafts.ts); files are not.
 */
export async function POST(request: Request, { params }: Params) {
  const { id, milestoneId } = await params;
  const page = `/contracts/${encodeURIComponent(id)}/milestones/${encodeURIComponent(milestoneId)}/submit`;
  const back = (query: Record<string, string>) =>
    seeOther(`${page}?${new URLSearchParams(query).toString()}`);
  const crossSite = checkSameOrigin(request);
  if (crossSite) return crossSite;
  const actor = await loadActorOf('freelancer');
  if (!actor) return seeOther('/sign-in');
  const body = await readFormBody(request, MAX_BODY_BYTES);
  if (!body.ok) return back({ error: body.problem });
  const parsed = submissionSchema.safeParse({
    contractId: id,
    milestoneId,
    message: body.form.get('message') ?? '',
    links: body.form.get('links') ?? '',
  });
  const uploads = await uploadsFromForm(body.form, 'files');
  const files = await checkAttachments(uploads);
  const { db } = await getDatabase();
  if (!parsed.success || !files.ok) {
    const fields = parsed.success
      ? []
      : [...new Set(parsed.error.issues.map((i) => String(i.path[0])))];
    const rejected = files.ok ? [] : await refusedAttachments(uploads);
    // The typed text waits for the page as the freelancer's draft, never in the address.
    await keepSubmissionDraft(db, actor.userId, milestoneId, body.form);
    return back({ error: 'invalid', fields: fields.join(','), files: rejected.join('|') });
  }
  const result = await submitMilestone(db, {
    contractId: parsed.data.contractId,
    milestoneId: parsed.data.milestoneId,
    viewer: contractViewerOf(actor.viewer),
    message: parsed.data.message,
    links: parsed.data.links,
    files: files.files,
    ip: actor.ip,
  });
  if (!result.ok) return back({ error: result.reason === 'unknown' ? 'unknown' : 'state' });
  return back({ notice: 'submitted' });
}
