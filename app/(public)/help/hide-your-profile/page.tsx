import Link from 'next/link';
import { HelpArticle, helpArticleMetadata } from '../help-article';

export const metadata = helpArticleMetadata('hide-your-profile');

export default function HideYourProfilePage() {
  return (
    <HelpArticle slug="hide-your-profile">
      <p>
        Not everyone wants to be found. Maybe you already have all the work you need, or you only
        joined Workbridge because one client asked you to. Your profile visibility setting decides
        who can see your profile, and you can change it at any time in your settings.
      </p>

      <h2>The three settings</h2>
      <table>
        <caption>Who can see your profile with each visibility setting</caption>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Who can see your profile</th>
            <th scope="col">Search engines</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Public</th>
            <td>Anyone, signed in or not.</td>
            <td>May list it.</td>
          </tr>
          <tr>
            <th scope="row">Signed-in users only</th>
            <td>
              Anyone signed in to Workbridge. People who aren&rsquo;t signed in can&rsquo;t see it.
            </td>
            <td>Asked not to list it.</td>
          </tr>
          <tr>
            <th scope="row">Private</th>
            <td>
              Nobody can come across it: it isn&rsquo;t listed anywhere. A signed-in person who has
              the link sees only your first name, the initial of your last name, your title, your
              photo and your country. Anyone who isn&rsquo;t signed in gets a &ldquo;not
              found&rdquo; page, as if the profile didn&rsquo;t exist.
            </td>
            <td>Not listed.</td>
          </tr>
        </tbody>
      </table>

      <h2>Which one to choose</h2>
      <ul>
        <li>
          <strong>You only want to work with the client who invited you:</strong> choose private.
        </li>
        <li>
          <strong>You are open to new clients who already use Workbridge:</strong> choose signed-in
          users only.
        </li>
        <li>
          <strong>You want to be found by as many people as possible:</strong> choose public, and
          see <Link href="/help/find-more-work">how to find more work</Link>.
        </li>
      </ul>

      <h2>What visibility doesn&rsquo;t change</h2>
      <p>
        Visibility is about your profile page only. It doesn&rsquo;t change your contract with the
        client who invited you, your onboarding steps or how you are paid.
      </p>
      <p>
        If your profile was public before, search engines may take a while to notice the change and
        drop it from their results. That part is up to them, not to us.
      </p>
    </HelpArticle>
  );
}
