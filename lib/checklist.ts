/**
 * An entry of the freelancer's onboarding checklist and of "what stands between you and
 * your first payment". Below every domain, so each one that adds entries (compliance,
 * settings) builds them without importing lib/onboarding, which puts the lists together.
 */
export type Step = { key: string; label: string; href: string; done: boolean };
export type Blocker = { key: string; text: string; href: string };
