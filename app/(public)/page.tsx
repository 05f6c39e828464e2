import Link from 'next/link';

export default function HomePage() {
  return (
    <>
      <h1>Bring the freelancers you already know onto one platform</h1>
      <p>
        Invite a freelancer with a short form. They get one email, click once, see exactly what they
        will be paid after fees, accept your contract and are ready to be paid in minutes.
      </p>
      <div className="card">
        <h2>Hiring?</h2>
        <p>
          Create a client workspace, invite people by email or in bulk, and follow every invite.
        </p>
        <Link className="button" href="/sign-up">
          Sign up to hire
        </Link>
      </div>
      <div className="card">
        <h2>Invited by a client?</h2>
        <p>Open the link in your invitation email. No password needed, ever.</p>
        <Link href="/sign-in">Sign in with your email</Link>
      </div>
    </>
  );
}
