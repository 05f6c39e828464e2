import type { Metadata } from 'next';
import Link from 'next/link';
import { HELP_SECTIONS } from './articles';
import { PersonalNextSteps } from './personal-next-steps';

export const metadata: Metadata = {
  title: 'Help center',
  description:
    'How Workbridge works, the service fee, your profile and the independent-contractor check, in plain words.',
};

export default function HelpCenterPage() {
  return (
    <>
      <h1>Help center</h1>
      {/* personalised next steps */}
      <PersonalNextSteps />
      <p>
        Plain answers for the way from an invitation to your first payment: what happens after a
        client invites you, what the service fee is for, how to make your profile work for you, and
        when a contract needs a compliance check.
      </p>
      {HELP_SECTIONS.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          <ul className="help-list">
            {section.articles.map((article) => (
              <li key={article.slug}>
                <h3>
                  <Link href={`/help/${article.slug}`}>{article.title}</Link>
                </h3>
                <p>{article.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2>Still stuck?</h2>
      <p>
        Questions about a particular contract (the rate, the dates, the work itself) are best asked
        of the client who invited you: they wrote the offer and can change it before you accept. If
        your invitation link no longer works, open it anyway: the page tells you why and what to do
        next.
      </p>
    </>
  );
}
