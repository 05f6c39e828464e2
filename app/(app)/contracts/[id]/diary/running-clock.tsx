'use client';

import { useEffect, useState } from 'react';

const text = (ms: number) => {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
};

/**
 * The running timer's elapsed time: rendered by the server at `renderedAt`, then counted
 * on in the browser (the one part of the diary that needs JavaScript). The server keeps
 * the times; this only shows them.
 */
export function RunningClock({ startedAt, renderedAt }: { startedAt: string; renderedAt: string }) {
  const start = Date.parse(startedAt);
  const [elapsed, setElapsed] = useState(Date.parse(renderedAt) - start);
  useEffect(() => {
    const offset = Date.parse(renderedAt) - Date.now();
    const tick = () => setElapsed(Date.now() + offset - start);
    const timer = setInterval(tick, 15_000);
    return () => clearInterval(timer);
  }, [start, renderedAt]);
  return <span data-testid="timer-elapsed">{text(elapsed)}</span>;
}
