import { COMPLIANCE_QUESTIONS } from '@/lib/compliance/question-list';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS } from '@/lib/compliance/limits';

/**
 * The questionnaire posts to a route handler (documents may be 50 MB, far above the server
 * action limit), which answers 303 back to the page. What went wrong travels in the query
 * string as keys, never as text: the page turns them into its own words, so a crafted link
 * cannot put a sentence of its choosing on our page.
 */
export type DocumentProblem = 'missing' | 'too-many' | 'invalid' | 'too-large';

export const DOCUMENT_PROBLEM_MESSAGES: Record<DocumentProblem, string> = {
  missing:
    'Upload at least one business document, such as your business registration or a recent invoice.',
  'too-many': `You can upload at most ${MAX_DOCUMENTS} documents. Choose the most relevant ones.`,
  invalid: `Each document must be a PDF, PNG or JPEG of at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; we check what a file contains, not its name.`,
  'too-large': `Together the files were larger than ${MAX_DOCUMENTS * (MAX_DOCUMENT_BYTES / 1024 / 1024)} MB. Choose smaller files.`,
};

export type SubmissionProblems = {
  /** Questions left unanswered or answered with something that is not an option. */
  questions: string[];
  /** The answers given, to check the same options again. */
  answers: Record<string, string>;
  documents?: DocumentProblem;
  /** Safe names of the files that could not be used. */
  files: string[];
  /** The check was not open for submission (already submitted, approved, not needed…). */
  closed: boolean;
};

const ANSWER_PREFIX = 'a.';

export function problemsQuery(problems: SubmissionProblems): string {
  const query = new URLSearchParams({ error: '1' });
  for (const id of problems.questions) query.append('missing', id);
  for (const [id, value] of Object.entries(problems.answers)) query.set(ANSWER_PREFIX + id, value);
  if (problems.documents) query.set('documents', problems.documents);
  for (const name of problems.files.slice(0, MAX_DOCUMENTS)) query.append('file', name);
  if (problems.closed) query.set('closed', '1');
  return query.toString();
}

type SearchParams = Record<string, string | string[] | undefined>;

const all = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The problems in the page's query, keeping only known questions, options and keys. */
export function readProblems(params: SearchParams): SubmissionProblems | null {
  if (params.error !== '1') return null;
  const known = new Set<string>(COMPLIANCE_QUESTIONS.map((q) => q.id));
  const answers: Record<string, string> = {};
  for (const q of COMPLIANCE_QUESTIONS) {
    const value = all(params[ANSWER_PREFIX + q.id])[0];
    if (value && q.options.some((o) => o.value === value)) answers[q.id] = value;
  }
  const documents = all(params.documents)[0];
  return {
    questions: all(params.missing).filter((id) => known.has(id)),
    answers,
    documents:
      documents && documents in DOCUMENT_PROBLEM_MESSAGES
        ? (documents as DocumentProblem)
        : undefined,
    files: all(params.file)
      .slice(0, MAX_DOCUMENTS)
      .map((name) => name.slice(0, 120)),
    closed: params.closed === '1',
  };
}
