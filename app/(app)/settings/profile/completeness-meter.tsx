import Link from 'next/link';
import type { Completeness } from '@/lib/profile/completeness';

/** The meter: how complete the profile is, and one concrete tip for each missing part. */
export function CompletenessMeter({ completeness }: { completeness: Completeness }) {
  const { percent, missing } = completeness;
  return (
    <section aria-labelledby="completeness-heading" className="card">
      <h2 id="completeness-heading">Your profile is {percent}% complete</h2>
      <progress aria-labelledby="completeness-heading" max={100} value={percent} className="meter">
        {percent}%
      </progress>
      {missing.length === 0 ? (
        <p>Everything a client looks for is there. Keep it up to date as your work changes.</p>
      ) : (
        <>
          <h3>Tips to complete it</h3>
          <ul className="tips">
            {missing.map((m) => (
              <li key={m.key}>{m.tip}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link href="/help/profile-best-practices">Best practices</Link>: what makes a strong
        profile, with two sample profiles.
      </p>
    </section>
  );
}
