import { Button, Heading, Link, Text } from '@react-email/components';
import { EmailLayout, emailStyles } from './layout';

export type SavedSearchDigestProps = {
  searchName: string;
  /** How many new posts match (the list shows the first few). */
  total: number;
  posts: { title: string; budget: string; url: string }[];
  searchUrl: string;
};

export const savedSearchDigestSubject = (name: string, total: number) =>
  `${total} new job${total === 1 ? '' : 's'} for “${name}”`;

/** Once a day per saved search, only when posts opened since the last digest match it. */
export default function SavedSearchDigestEmail({
  searchName = 'React jobs',
  total = 2,
  posts = [
    {
      title: 'React developer for a dashboard',
      budget: 'Fixed price $3,000.00',
      url: 'http://localhost:3000/jobs/1',
    },
    {
      title: 'Senior React engineer',
      budget: 'Hourly $40.00–$60.00',
      url: 'http://localhost:3000/jobs/2',
    },
  ],
  searchUrl = 'http://localhost:3000/find-work/search?q=react',
}: Partial<SavedSearchDigestProps>) {
  return (
    <EmailLayout preview={savedSearchDigestSubject(searchName, total)}>
      <Heading as="h1">New jobs for “{searchName}”</Heading>
      <Text>
        {total} job{total === 1 ? '' : 's'} posted since yesterday match{total === 1 ? 'es' : ''}{' '}
        your saved search.
      </Text>
      {posts.map((p) => (
        <Text key={p.url}>
          <Link href={p.url}>{p.title}</Link> · {p.budget}
        </Text>
      ))}
      <Button href={searchUrl} style={emailStyles.button}>
        See all the results
      </Button>
      <Text style={emailStyles.muted}>
        Delete the saved search on that page to stop these emails.
      </Text>
    </EmailLayout>
  );
}
