/**
 * An entry of the freelancer's onboarding checklist and of "what stands between you and
 * your first payment". Below every domain, so each one that adds entries (compliance,
 * settings) builds them without importing lib/onboarding, which puts the lists together.
 */
export type Step = {
  key: string;
  label: string;
  href: string;
  done: boolean;
  /**
   * Not done, but nothing the freelancer can do now (an ops review, a date to wait for):
   * what it waits for, to finish "Waiting for …". The next step skips it.
   */
  waitingFor?: string;
};

/**
 * Either something the freelancer can fix (`href`: where), or something that resolves
 * without them (`status`: what happens next and when), which gets no "Fix this" link.
 */
export type Blocker = { key: string; text: string } & ({ href: string } | { status: string });
