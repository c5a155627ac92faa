// Following what other laptops change. Every change on any laptop writes an entry to the
// office's audit trail; an open page polls its newest number (one cheap query) every few
// seconds and reloads only when it moved.
import { call } from "./api";
import { connection } from "./connection.svelte";

/** Milliseconds between polls. */
export const POLL_MS = 3000;

/** The office's change marker: a number that moves whenever anything changes, on any laptop. */
export const changesHead = () => call<number>("changes_head");

/**
 * Polls the change marker every `every` ms and calls `onChange` each time it moved since the
 * previous poll (not on the first). Returns a function that stops polling. A poll is skipped
 * while the office's server is away (the offline banner waits for it) and while the previous
 * poll or its reload is still running, so reloads never pile up.
 */
export function followChanges(
  onChange: () => unknown,
  every: number = POLL_MS,
  head: () => Promise<number | bigint> = changesHead,
): () => void {
  let last: number | null = null;
  let running = false;
  let stopped = false;
  const poll = async () => {
    if (running || stopped || connection.offline) return;
    running = true;
    try {
      const now = Number(await head());
      const moved = last !== null && now !== last;
      last = now;
      if (moved && !stopped) await onChange();
    } catch {
      // Not signed in any more, or the server went away (the banner says so): try again later.
    } finally {
      running = false;
    }
  };
  void poll();
  const timer = setInterval(poll, every);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
