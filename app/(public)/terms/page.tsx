import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = {
  title: 'Terms of service',
  description:
    'The terms you accept when you use Workbridge: contracts, fees, invoices, escrow, payouts and the Stripe agreement that pays you.',
};

/** Stripe's agreement for a connected account under the `full` service agreement (US Custom). */
const STRIPE_CONNECTED_ACCOUNT_AGREEMENT = 'https://stripe.com/connect-account/legal/full';

/**
 * The terms a freelancer accepts in basic info (their time and address are kept, and sent to
 * Stripe as the connected account's `tos_acceptance`). They say in plain words the rules the
 * app enforces (SPEC 4), and incorporate Stripe's Connected Account Agreement, as Stripe
 * requires of a platform whose users it pays.
 */
export default function TermsPage() {
  return (
    <article className="help-article">
      <h1>Terms of service</h1>
      <p>Last updated on 7 December 2026.</p>
      <p>
        These terms are an agreement between you and Workbridge. They apply whenever you use
        Workbridge, as a client who hires or as a freelancer who is paid. By accepting them you also
        accept the Stripe agreement described under &ldquo;Payments through Stripe&rdquo; below.
      </p>

      <h2>What Workbridge does</h2>
      <p>
        Workbridge lets a client bring a freelancer onto one platform, agree on a contract, and pay
        for the work. The contract is between the client and the freelancer: the freelancer works as
        an independent contractor, not as an employee of the client or of Workbridge. Workbridge
        keeps the records, moves the money as these terms describe, and helps when the two sides
        disagree.
      </p>

      <h2>Your account</h2>
      <ul>
        <li>One account per person. Give your real name and keep your details up to date.</li>
        <li>
          You sign in with a link sent to your email, so keep that mailbox secure. Tell us at once
          if you think someone else has used your account.
        </li>
        <li>
          If you signed in more than 30 minutes ago, adding a payout method or withdrawing waits for
          a link we email you. A new payout method also waits a three-day security hold before money
          is sent to it.
        </li>
      </ul>

      <h2>Contracts</h2>
      <p>
        A client offers a contract; it starts when the freelancer accepts it. What was accepted is
        stored exactly as it was shown (its terms, who accepted and when), and a change to the offer
        has to be accepted again. Some contracts need an independent-contractor check first. The
        client may end a contract; money already earned under it is still paid as below.
      </p>

      <h2>Fees</h2>
      <p>
        Workbridge charges a service fee on what the client pays for the freelancer&rsquo;s work:{' '}
        <strong>5% by default</strong>, and always the rate shown in the contract before it is
        accepted. The freelancer receives the amount less that fee. A withdrawal may carry a fee for
        its payout method, which is shown before you confirm it.{' '}
        <Link href="/help/service-fee">How the service fee works</Link>.
      </p>

      <h2>Hourly contracts</h2>
      <ul>
        <li>
          The freelancer logs time in the work diary, within the contract&rsquo;s weekly limit. A
          week (Monday to Sunday, UTC) can be changed until Monday 12:00 UTC of the next week.
        </li>
        <li>
          Each week is invoiced at that time and charged to the client&rsquo;s billing method. The
          client may review it, approve it or dispute some of it until the Saturday after.
        </li>
        <li>
          What is not disputed is then released to the freelancer, and becomes available to withdraw
          on the Wednesday after. A disputed part is refunded to the client if the freelancer agrees
          or does not answer within 3 business days; if they reject the dispute, Workbridge&rsquo;s
          team decides.
        </li>
      </ul>

      <h2>Fixed-price contracts</h2>
      <ul>
        <li>
          The client funds each milestone before it is worked on; the money is held in escrow, not
          paid to anyone.
        </li>
        <li>
          When the freelancer submits the work, the client approves it or asks for changes. Work the
          client does not answer is approved automatically 14 days after it was submitted.
        </li>
        <li>An approved milestone&rsquo;s money is released to the freelancer.</li>
      </ul>

      <h2>Getting paid</h2>
      <ul>
        <li>
          Released money is pending until its date, shown on your earnings page, and then available.
        </li>
        <li>
          You withdraw available money to a payout method you added, when you choose or on a
          schedule you set. Without a schedule, money left available for 180 days with no withdrawal
          is sent to your default payout method.
        </li>
        <li>
          We need your tax information before your first withdrawal, and we may report payments to
          tax authorities where the law requires it.
        </li>
        <li>A payout that fails comes back to your available balance, and we tell you by email.</li>
      </ul>

      <h2 id="stripe">Payments through Stripe</h2>
      <p>
        Payouts to freelancers&rsquo; US bank accounts are made through Stripe. To receive them, a
        freelancer has a Stripe connected account that Workbridge opens and manages for them. That
        account is subject to the{' '}
        <a href={STRIPE_CONNECTED_ACCOUNT_AGREEMENT}>Stripe Connected Account Agreement</a>, which
        includes the Stripe Terms of Service (together, the &ldquo;Stripe Services
        Agreement&rdquo;). By accepting these terms, or by continuing to be paid through Workbridge,
        you agree to the Stripe Services Agreement, as Stripe may change it from time to time.
      </p>
      <p>
        So that Workbridge can pay you through Stripe, you agree to give Workbridge accurate and
        complete information about yourself and your business, and you allow Workbridge to share it,
        and the information about your payments, with Stripe. If Stripe asks for more, your earnings
        and withdrawal pages say what and where to give it.
      </p>

      <h2>What you may not do</h2>
      <ul>
        <li>Use Workbridge for anything unlawful, or to pay for work that was not done.</li>
        <li>Give false details, or use another person&rsquo;s account or payment method.</li>
        <li>Interfere with Workbridge or other people&rsquo;s use of it.</li>
      </ul>
      <p>
        We may stop an account that breaks these terms. Money already earned for work that was
        really done is still paid.
      </p>

      <h2>Changes and contact</h2>
      <p>
        We may change these terms; the date at the top says when they last changed. Questions go to
        our support team, who can also tell you what we hold about you.
      </p>
      <p className="help-back">
        <Link href="/help">Help center</Link>
      </p>
    </article>
  );
}
