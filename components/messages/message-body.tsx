import type { MessageSegment } from '@/lib/messages/links';

/**
 * A message as its author typed it: React escapes every text segment, and only the http(s)
 * addresses found by segmentMessage become links, which never pass on who sent the reader.
 */
export function MessageBody({ segments }: { segments: MessageSegment[] }) {
  return (
    <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {segments.map((s, i) =>
        s.kind === 'link' ? (
          <a key={i} href={s.href} rel="noopener noreferrer nofollow" target="_blank">
            {s.text}
          </a>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
