/** The outcome of the last action, passed along the redirect as ?notice=<key>. */
export function RedirectNotice({
  notice,
  messages,
}: {
  notice?: string;
  messages: Record<string, string>;
}) {
  const message = notice ? messages[notice] : undefined;
  if (!message) return null;
  return (
    <p className="notice success" role="status">
      {message}
    </p>
  );
}
