import Link from 'next/link';
import { HelpArticle, helpArticleMetadata } from '../help-article';

export const metadata = helpArticleMetadata('service-fee');

export default function ServiceFeePage() {
  return (
    <HelpArticle slug="service-fee">
      <p>
        When a client pays for your work on Workbridge, a small share of that payment is our service
        fee. Here is how much it is, what it pays for, and exactly what you take home.
      </p>

      <h2>How much it is</h2>
      <p>
        For freelancers invited by a client, the fee is <strong>5% by default</strong>. It comes out
        of what the client pays for your work: the client pays the rate in the contract, and you
        receive that amount minus the fee.
      </p>
      <p>
        You never have to work it out yourself. The fee and what you receive after it are shown in
        your invitation email, on the invitation page and on the contract before you accept it.
        Those figures are the ones that apply to your contract.
      </p>

      <h2>What it pays for</h2>
      <ul>
        <li>
          <strong>Payment protection:</strong> when you accept a contract we keep a record of its
          exact terms, who accepted them and when, so you and your client always point to the same
          agreement.
        </li>
        <li>
          <strong>Invoicing:</strong> your client is billed through Workbridge, so you don&rsquo;t
          write or chase invoices for this work yourself.
        </li>
        <li>
          <strong>Payouts:</strong> getting your money to the bank account, PayPal or Payoneer
          account you choose, with a security hold and an email notice whenever someone changes
          where your money goes.
        </li>
        <li>
          <strong>Support:</strong> people to help when an invitation, a contract or a payment gets
          stuck.
        </li>
        <li>
          <strong>Compliance checks:</strong> when a contract needs an{' '}
          <Link href="/help/compliance-check">independent-contractor check</Link>, our team reviews
          it. The fee covers that too.
        </li>
      </ul>

      <h2>A worked example</h2>
      <p>
        Say your client offers <strong>$50.00 an hour</strong> with a weekly limit of 40 hours, and
        the fee is 5%.
      </p>
      <table>
        <caption>What a $50.00 hourly rate comes to after a 5% service fee</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Client pays</th>
            <th scope="col">Service fee (5%)</th>
            <th scope="col">You receive</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">One hour</th>
            <td>$50.00</td>
            <td>$2.50</td>
            <td>
              <strong>$47.50</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">A 40-hour week at the limit</th>
            <td>$2,000.00</td>
            <td>$100.00</td>
            <td>
              <strong>$1,900.00</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <p>
        Fixed-price contracts work the same way, milestone by milestone: a $1,200.00 milestone comes
        to $1,140.00 for you after a $60.00 fee.
      </p>

      <h2>Where you see the numbers</h2>
      <p>
        Your client sees the same net-pay figures while writing the offer, so you both start from
        the same numbers. You see them again in the invitation email, on the invitation page and
        when you review the contract. If the client changes the offer after you have opened it, we
        ask you to review the new figures before you can accept.{' '}
        <Link href="/help/how-workbridge-works">How Workbridge works</Link> walks through every
        step.
      </p>
    </HelpArticle>
  );
}
