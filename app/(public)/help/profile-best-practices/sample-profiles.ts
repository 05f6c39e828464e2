/**
 * Two made-up freelancers for the best-practices page. They follow the same limits as a real
 * profile (title up to 70 characters, overview 100–5,000, 1–15 skills), which the test beside
 * this file checks, so the samples never show something a person couldn't actually save.
 */
export type LanguageLevel = 'Basic' | 'Conversational' | 'Fluent' | 'Native or bilingual';

export type SampleProfile = {
  id: string;
  name: string;
  country: string;
  title: string;
  hourlyRateCents: number;
  currency: 'USD';
  overview: string[];
  skills: string[];
  languages: { language: string; level: LanguageLevel }[];
  employment: { role: string; company: string; years: string; summary: string }[];
  education: { degree: string; school: string; years: string }[];
  portfolio: { title: string; url: string; description: string }[];
  whyItWorks: string[];
};

export const SAMPLE_PROFILES: SampleProfile[] = [
  {
    id: 'sample-product-designer',
    name: 'Lena Marsh',
    country: 'Portugal',
    title: 'Product designer for B2B web apps: research, UX and design systems',
    hourlyRateCents: 8500,
    currency: 'USD',
    overview: [
      'I help software teams turn complicated workflows into screens people understand the first time. Most of my work is for B2B products: finance tools, dashboards and internal admin apps, where a confusing form costs real money.',
      'I start by talking to the people who use the product, then sketch, prototype and test before anything is built. On my last long engagement I redesigned an invoice approval flow; support tickets about invoices dropped by about a third in the following quarter.',
      'I hand over tidy Figma files, a component library your developers can follow, and notes on accessibility for every screen. I work best with a product manager and at least one engineer in the loop, and I am available for about 30 hours a week, mostly on European time.',
    ],
    skills: [
      'Product design',
      'UX research',
      'Figma',
      'Prototyping',
      'Usability testing',
      'Design systems',
      'Accessibility (WCAG 2.2)',
    ],
    languages: [
      { language: 'Portuguese', level: 'Native or bilingual' },
      { language: 'English', level: 'Fluent' },
      { language: 'Spanish', level: 'Conversational' },
    ],
    employment: [
      {
        role: 'Senior product designer',
        company: 'Northwind Ledger',
        years: '2020–2024',
        summary: 'Led design for invoicing and approvals; set up the shared design system.',
      },
      {
        role: 'Product designer',
        company: 'Bluefin Dashboards',
        years: '2017–2020',
        summary: 'Designed reporting screens and ran monthly usability tests with customers.',
      },
    ],
    education: [
      {
        degree: 'BA in Communication Design',
        school: 'Atlantic School of Art and Design',
        years: '2013–2017',
      },
    ],
    portfolio: [
      {
        title: 'Invoice approval flow redesign',
        url: 'https://example.com/lena-marsh/invoice-approvals',
        description: 'Case study: research, three rounds of prototypes and the results.',
      },
      {
        title: 'Design system for a reporting dashboard',
        url: 'https://example.com/lena-marsh/design-system',
        description: 'Components, colour and type tokens, and the accessibility notes.',
      },
    ],
    whyItWorks: [
      'The title names the job and the kind of product in one line.',
      'The overview gives a result with a number, and says how she likes to work and when she is available.',
      'Every skill is something a client would write in a job description.',
    ],
  },
  {
    id: 'sample-backend-engineer',
    name: 'Tomás Ibarra',
    country: 'Argentina',
    title: 'Backend engineer: Node.js, PostgreSQL and payment integrations',
    hourlyRateCents: 9500,
    currency: 'USD',
    overview: [
      'I build and fix the parts of a product nobody sees until they break: APIs, databases, background jobs and payment integrations. Nine years in, I have mostly worked on billing, subscriptions and marketplaces written in TypeScript and Node.js on PostgreSQL.',
      'Typical projects: moving a billing system to idempotent webhooks so customers are never charged twice, speeding up slow reports by reworking queries and indexes, or adding the tests a codebase needs before a team dares to change it.',
      'I write down what I change and why, keep pull requests small, and leave a runbook behind. I overlap with US Eastern time every working day and reply to messages within one business day.',
    ],
    skills: [
      'TypeScript',
      'Node.js',
      'PostgreSQL',
      'REST API design',
      'Payment integrations',
      'Background jobs and queues',
      'Automated testing',
      'AWS',
    ],
    languages: [
      { language: 'Spanish', level: 'Native or bilingual' },
      { language: 'English', level: 'Fluent' },
    ],
    employment: [
      {
        role: 'Staff backend engineer',
        company: 'Parcelpoint Marketplace',
        years: '2019–2024',
        summary: 'Owned payments and payouts for 40,000 sellers; led the move to PostgreSQL 15.',
      },
      {
        role: 'Backend engineer',
        company: 'Ruta Travel',
        years: '2015–2019',
        summary: 'Built the booking API and the nightly jobs that reconcile partner invoices.',
      },
    ],
    education: [
      {
        degree: 'BSc in Computer Science',
        school: 'Universidad del Litoral Sur',
        years: '2010–2015',
      },
    ],
    portfolio: [
      {
        title: 'Idempotent webhooks for a billing system',
        url: 'https://example.com/tomas-ibarra/idempotent-webhooks',
        description: 'Write-up of the design, the migration plan and what went wrong on the way.',
      },
      {
        title: 'A small Postgres-backed job queue',
        url: 'https://example.com/tomas-ibarra/job-queue',
        description: 'Open-source library with docs and a test suite.',
      },
    ],
    whyItWorks: [
      'The overview lists the kinds of problems he solves, not just technologies.',
      'Employment entries each say what he was responsible for, with a sense of scale.',
      'The portfolio shows his writing as well as his code, which is what a client will get.',
    ],
  },
];
