import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@/lib/files/attachment-limits';
import type { FieldErrors } from '@/lib/forms';

/**
 * Without JavaScript the proposal posts to a route handler (its files may be 125 MB, far
 * above the server-action limit), which answers 303 back to the form. What went wrong travels
 * in the query as keys, never as text: the page turns them into its own words, so a crafted
 * link cannot put a sentence of its choosing on our page. The typed text waits for the page
 * as the freelancer's draft (lib/proposals/drafts.ts), never in the address; files cannot be
 * handed back to the browser. With JavaScript the same route answers the form's state as JSON
 * and the typed text (and the chosen files) stay in the form.
 */
export type ProposalProblem = 'invalid' | 'cap' | 'refused' | 'too-large' | 'unreadable';

const MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

export const PROBLEM_MESSAGES: Record<ProposalProblem, string> = {
  invalid: 'Your proposal was not sent. Correct the highlighted fields and send it again.',
  cap: 'Your proposal was not sent: you reached the most proposals we allow in 24 hours. Try again later.',
  refused: 'Your proposal was not sent. This job no longer takes it (see above).',
  'too-large': `Your proposal was not sent: the upload was too large. Each file may be up to ${MB} MB, ${MAX_ATTACHMENTS} files at most.`,
  unreadable: 'Your proposal was not sent: we could not read the upload. Choose the files again.',
};

const FIELD_MESSAGES: [RegExp, string][] = [
  [/^coverLetter$/, 'Write a cover letter of up to 5,000 characters.'],
  [/^answers\.[0-4]$/, 'Answer this question, in up to 2,000 characters.'],
  [/^bidShape$/, 'Choose how you bid for this job.'],
  [/^hourlyRateDollars$/, 'Enter an hourly rate between $3.00 and $999.99.'],
  [/^bidDollars$/, 'Enter a bid between $5.00 and $1,000,000.00.'],
  [/^milestones$/, 'Add at least one milestone; together they make $5.00 to $1,000,000.00.'],
  [/^milestones\.\d\.description$/, 'Describe this milestone in up to 500 characters.'],
  [/^milestones\.\d\.amountDollars$/, 'Enter an amount of at least $1.00.'],
  [/^estimatedDuration$/, 'Choose an estimated duration.'],
];

/** Added to the message when the page puts the typed text back (a form posted without JavaScript). */
export const TYPED_TEXT_KEPT =
  'What you typed is kept below, but not the files: choose any attachments again.';

export const FILES_MESSAGE = `Files must be PDF, PNG, JPEG or ZIP (we check what a file contains, not its name), up to ${MB} MB each, ${MAX_ATTACHMENTS} at most.`;

export function problemsQuery(
  problem: ProposalProblem,
  fields: readonly string[] = [],
  files: readonly string[] = [],
): string {
  const query = new URLSearchParams({ error: problem });
  if (fields.length) query.set('fields', fields.join(','));
  if (files.length) query.set('files', files.slice(0, MAX_ATTACHMENTS).join('|'));
  return query.toString();
}

type Search = { error?: string; fields?: string; files?: string };

/** The form's state from the page's query, keeping only known problems and field names. */
export function readProblems(query: Search): { message: string; fieldErrors: FieldErrors } | null {
  const problem = query.error as ProposalProblem | undefined;
  if (!problem || !(problem in PROBLEM_MESSAGES)) return null;
  const fieldErrors: FieldErrors = {};
  for (const key of (query.fields ?? '').split(',')) {
    const known = FIELD_MESSAGES.find(([pattern]) => pattern.test(key));
    if (known) fieldErrors[key] = [known[1]];
  }
  const files = (query.files ?? '').split('|').filter(Boolean).slice(0, MAX_ATTACHMENTS);
  if (files.length) {
    fieldErrors.files = files.includes('too-many')
      ? [`Attach at most ${MAX_ATTACHMENTS} files. Put the rest in a ZIP.`]
      : [`Not accepted: ${files.map((f) => f.replace(/[^A-Za-z0-9._ -]/g, '')).join(', ')}.`];
    fieldErrors.files.push(FILES_MESSAGE);
  }
  return { message: PROBLEM_MESSAGES[problem], fieldErrors };
}
