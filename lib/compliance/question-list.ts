/**
 * The seven questions with their plain-words explanations: data only, no zod, so the form in
 * the browser can import them without the validation library (questions.ts builds the schema).
 */
export type QuestionOption = { value: string; label: string };

export type ComplianceQuestion = {
  id: string;
  question: string;
  explanation: string;
  options: QuestionOption[];
  /** Shown beside the question when it is left unanswered or the answer is not an option. */
  message: string;
};

/** The seven independence questions, in the order the freelancer answers them. */
export const COMPLIANCE_QUESTIONS = [
  {
    id: 'ownTools',
    question: 'Do you use your own equipment and software for this work?',
    explanation:
      'Independent contractors usually bring their own computer, software and workspace.',
    options: [
      { value: 'own', label: 'Yes, I use my own' },
      { value: 'mostly_own', label: 'Mostly; the client gives me access to a few of its systems' },
      { value: 'client', label: 'No, the client provides them' },
    ],
    message: 'Tell us whose equipment and software you use.',
  },
  {
    id: 'otherClients',
    question: 'Do you work for other clients?',
    explanation:
      'Working for several clients, or being free to, is a sign of running your own business.',
    options: [
      { value: 'current', label: 'Yes, I have other clients now' },
      { value: 'free_to', label: 'Not right now, but I am free to take on others' },
      { value: 'exclusive', label: 'No, I may work only for this client' },
    ],
    message: 'Tell us whether you work for other clients.',
  },
  {
    id: 'control',
    question: 'Who decides when, where and how you do the work?',
    explanation:
      'A contractor chooses their own hours, place and methods; the client judges the result.',
    options: [
      { value: 'me', label: 'I do' },
      { value: 'shared', label: 'The client and I agree on it together' },
      { value: 'client', label: 'The client does' },
    ],
    message: 'Tell us who decides your schedule and methods.',
  },
  {
    id: 'registeredBusiness',
    question: 'Do you have a registered business or self-employed status?',
    explanation:
      'For example a company, a sole proprietorship, or a self-employment tax registration in your country.',
    options: [
      { value: 'yes', label: 'Yes' },
      { value: 'in_progress', label: 'I am registering now' },
      { value: 'no', label: 'No' },
    ],
    message: 'Tell us whether you have a registered business.',
  },
  {
    id: 'deliverables',
    question: 'Who sets the deliverables for this contract?',
    explanation:
      'Contractors are hired for agreed results, not to take on whatever tasks come up each day.',
    options: [
      { value: 'agreed', label: 'We agreed on defined results or milestones up front' },
      { value: 'proposed', label: 'I propose them and the client approves' },
      { value: 'assigned', label: 'The client assigns tasks as they come up' },
    ],
    message: 'Tell us who sets the deliverables.',
  },
  {
    id: 'invoicing',
    question: 'How do you bill for this work?',
    explanation: 'Contractors bill for their work at rates they set and pay their own taxes.',
    options: [
      { value: 'own_rate', label: 'I bill at a rate I set and pay my own taxes' },
      { value: 'client_rate', label: 'I bill, but the client sets my rate' },
      { value: 'salary', label: 'I expect a fixed monthly pay with taxes withheld, like a salary' },
    ],
    message: 'Tell us how you bill for this work.',
  },
  {
    id: 'engagementLength',
    question: 'How long do you expect this engagement to last?',
    explanation:
      'Open-ended work for one client looks more like employment than a project with an end.',
    options: [
      { value: 'under_3_months', label: 'Less than 3 months' },
      { value: '3_to_12_months', label: '3 to 12 months' },
      { value: 'over_12_months', label: 'More than a year' },
      { value: 'open_ended', label: 'No end date' },
    ],
    message: 'Tell us how long you expect the engagement to last.',
  },
] as const satisfies readonly ComplianceQuestion[];

export type QuestionId = (typeof COMPLIANCE_QUESTIONS)[number]['id'];
