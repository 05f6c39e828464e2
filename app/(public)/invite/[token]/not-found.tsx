/**
 * An invite token we never issued (404). Generic on purpose: it never says whether an email
 * has an account or was invited (SPEC 2.D.6).
 */
export default function UnknownInviteLink() {
  return (
    <div className="narrow">
      <h1>This link isn&apos;t valid</h1>
      <p>
        The link may be incomplete or mistyped. Open it again from your email, or ask the person who
        invited you to resend it.
      </p>
    </div>
  );
}
