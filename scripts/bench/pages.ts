import type { Seeded } from './seed';

/** A page as a person with the seeded state sees it; `heading` proves the page itself rendered. */
export type PageVisit<S = Seeded> = {
  name: string;
  path: (s: S) => string;
  cookie?: (s: S) => string;
  heading: RegExp;
  /** Count the very first request (no warm-up request before it). */
  firstVisit?: boolean;
};

export const ONBOARDING_PAGES: PageVisit[] = [
  {
    name: '/onboarding (dashboard)',
    path: () => '/onboarding',
    cookie: (s) => s.freelancerCookie,
    heading: /^Welcome, Ona$/,
  },
  {
    name: '/onboarding/basic-info',
    path: () => '/onboarding/basic-info',
    cookie: (s) => s.freelancerCookie,
    heading: /^Basic info$/,
  },
  {
    name: '/onboarding/contract/[id]',
    path: (s) => `/onboarding/contract/${s.reviewerContractId}`,
    cookie: (s) => s.reviewerCookie,
    heading: /^Review the contract$/,
  },
  {
    name: '/onboarding/compliance',
    path: () => '/onboarding/compliance',
    cookie: (s) => s.complianceCookie,
    heading: /^Compliance check$/,
  },
  {
    name: '/settings/payout',
    path: () => '/settings/payout',
    cookie: (s) => s.complianceCookie,
    heading: /^Payout methods$/,
  },
  {
    name: '/settings/tax',
    path: () => '/settings/tax',
    cookie: (s) => s.complianceCookie,
    heading: /^Tax information$/,
  },
  {
    name: '/settings/profile',
    path: () => '/settings/profile',
    cookie: (s) => s.complianceCookie,
    heading: /^Your profile$/,
  },
];

export const QUERY_PAGES: PageVisit[] = [
  { name: 'home page', path: () => '/', heading: /^Bring the freelancers/ },
  {
    name: '/client (invite list, 1,000 invites)',
    path: () => '/client',
    cookie: (s) => s.clientCookie,
    heading: /^Bench Co$/,
  },
  {
    name: '/invite/[token] (landing, already opened)',
    path: (s) => `/invite/${s.openInviteToken}`,
    heading: /invited you to work together/,
  },
  {
    name: '/invite/[token] (landing, first visit)',
    path: (s) => `/invite/${s.freshInviteToken}`,
    heading: /invited you to work together/,
    firstVisit: true,
  },
  ...ONBOARDING_PAGES,
  {
    name: '/settings/visibility',
    path: () => '/settings/visibility',
    cookie: (s) => s.complianceCookie,
    heading: /^Profile visibility$/,
  },
  {
    name: '/settings/account',
    path: () => '/settings/account',
    cookie: (s) => s.complianceCookie,
    heading: /^Account$/,
  },
];
