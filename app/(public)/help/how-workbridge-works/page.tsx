import Link from 'next/link';
import { HelpArticle, helpArticleMetadata } from '../help-article';

export const metadata = helpArticleMetadata('how-workbridge-works');

export default function HowWorkbridgeWorksPage() {
  return (
    <HelpArticle slug="how-workbridge-works">
      <p>
        Workbridge brings a client and a freelancer who already know each other onto one platform.
        The client sends the invitation; you go from &ldquo;you&rsquo;ve been invited&rdquo; to
        &ldquo;ready to be paid&rdquo; in a few minutes. Here is every step, in the order you will
        meet them.
      </p>

      <h2>The short version</h2>
      <ol>
        <li>Your client invites you with a web form.</li>
        <li>You get one email with a link.</li>
        <li>You open it and activate your account: no password needed.</li>
        <li>You add a few basic details.</li>
        <li>You review the contract, with your pay after the fee shown, and accept it.</li>
        <li>You add a payout method, your tax information and your profile.</li>
        <li>If the contract calls for it, you complete a compliance check.</li>
        <li>You are ready to be paid.</li>
      </ol>
      <p>
        You don&rsquo;t have to do it all at once. Leave at any step and you will come back to the
        same place.
      </p>

      <h2>Your client invites you</h2>
      <p>
        Your client fills in a short form with your email address, your name, an optional personal
        message and the contract they are offering: a title, a description, a start date, and either
        an hourly rate (with a weekly limit, if they set one) or a fixed price split into
        milestones.
      </p>

      <h2>The invitation email</h2>
      <p>
        The email comes from Workbridge and names the client who sent it. It shows their message, a
        summary of the offer with what you will receive after the service fee, one button, and the
        date the link expires. If the email isn&rsquo;t meant for you, ignore it or tell the client
        named in it. Nothing happens until someone uses the link.
      </p>
      <p>
        If the invitation is close to expiring and you haven&rsquo;t used it, we remind you three
        days before.
      </p>

      <h2>Opening the link</h2>
      <p>
        The link opens a page that shows who invited you and the offer, with one button to accept
        the invitation. Opening the page changes nothing: only pressing the button does.
      </p>
      <p>
        That is on purpose. Many workplaces run email security scanners that open every link in an
        email before you see it. Because a scanner never presses the button, it can&rsquo;t use up
        your invitation, and the link still works when you click it yourself.
      </p>
      <p>
        Pressing the button proves you can read that mailbox, so your account is created with that
        email already confirmed and you are signed in. If you already have a Workbridge account with
        the same email, the invitation joins that account instead of making a second one. If someone
        else is signed in on the browser you are using, the page tells you and offers to sign them
        out first, so nothing ends up on the wrong account.
      </p>

      <h2>Basic information</h2>
      <p>
        Your first and last name, your country, your time zone (we fill it in from your browser;
        change it if it&rsquo;s wrong), a phone number if you want to give one, and your acceptance
        of the terms of service.
      </p>
      <p>
        Your account uses the email the invitation was sent to. If you would rather use another
        address, give it here: we send a confirmation link to the new address, and it replaces the
        first one only once you have clicked it.
      </p>

      <h2>Reviewing the contract</h2>
      <p>
        You see every term of the offer, the service fee and your net pay: per hour and per full
        week at the weekly limit for hourly work, or per milestone and in total for a fixed price.
        Then you accept it, or decline it and tell the client why. The client gets an email either
        way.
      </p>
      <p>
        If the client changes the offer after you opened it, accepting the old version won&rsquo;t
        go through: we show you the new terms and ask you to review them again, so you only ever
        agree to what you have actually read.{' '}
        <Link href="/help/service-fee">Read how the service fee works</Link>.
      </p>

      <h2>Payout method</h2>
      <p>
        Tell us where your money should go: a US bank account, an international bank account (IBAN),
        PayPal or Payoneer. Account numbers are stored encrypted and we only ever show the last four
        characters.
      </p>
      <p>
        A new payout method has a <strong>three-day security hold</strong> before money can be sent
        to it. Whenever a method is added or removed we email you a security notice, and if you
        haven&rsquo;t signed in within the last 30 minutes we email you a link to confirm the change
        first. If someone ever gets into your account, this gives you time to notice and stop them.
      </p>

      <h2>Tax information</h2>
      <p>
        US persons give the details of a W-9 form (legal name, business type, SSN or EIN and
        address, and optionally a date of birth and, beside an EIN, their own SSN, which Stripe
        needs before it pays out to a US bank account); everyone else gives the details of a W-8BEN
        form (name, country of citizenship, address, foreign tax id and treaty country). We need it
        before your first withdrawal.
      </p>

      <h2>Your profile</h2>
      <p>
        A title, an overview, your skills, your rate and a few other details. Your client
        doesn&rsquo;t need a polished profile to work with you, but a good one helps other clients
        find you. See <Link href="/help/profile-best-practices">profile best practices</Link>, or{' '}
        <Link href="/help/hide-your-profile">how to hide your profile</Link> if you would rather
        keep it to yourself.
      </p>

      <h2>Compliance check, where needed</h2>
      <p>
        Some contracts need a short independent-contractor check before they can start. Whether
        yours does depends on the client and the contract terms, and you will see it in your
        checklist if it applies.{' '}
        <Link href="/help/compliance-check">Read when the compliance check applies</Link>.
      </p>

      <h2>Ready to be paid</h2>
      <p>
        A checklist on every onboarding page and on your dashboard shows what is done and what is
        left. Next to it, a panel called &ldquo;What stands between you and your first
        payment&rdquo; lists anything still in the way, in plain words: an offer you haven&rsquo;t
        accepted yet, a payout method still in its security hold until a given date, missing tax
        information, a compliance check under review. When that panel is empty, you are ready.
      </p>

      <h2>If your link has expired or stopped working</h2>
      <p>Open it anyway. The page tells you what happened and what to do next:</p>
      <ul>
        <li>
          <strong>Expired:</strong> press &ldquo;Email me a fresh link&rdquo; and a new one goes to
          the same address. This works as long as the client hasn&rsquo;t withdrawn the invitation,
          and we let them know you asked.
        </li>
        <li>
          <strong>Already used:</strong> you have an account already, so just sign in with your
          email.
        </li>
        <li>
          <strong>Withdrawn by the client:</strong> get in touch with the client who invited you.
        </li>
        <li>
          <strong>Replaced by a newer link:</strong> when a client resends an invitation or corrects
          the email address, the old link stops working. Use the most recent email.
        </li>
      </ul>
      <p>
        Signing in later works the same way: ask for a link on the{' '}
        <Link href="/sign-in">sign-in page</Link>, open it within 15 minutes and press the button to
        confirm. Scanners can&rsquo;t use those links up either.
      </p>
    </HelpArticle>
  );
}
