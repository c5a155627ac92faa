// Whether the office's database server answers. A call that fails with code "offline" turns
// the banner on; while it is on, a cheap status command is tried every few seconds and the
// banner goes away by itself on the first answer (loket-db reconnects on that statement).

/** Seconds between tries while the server is away. */
export const RETRY_MS = 3000;

export const connection = $state({ offline: false });

let timer: ReturnType<typeof setTimeout> | null = null;

/** The server did not answer: show the banner and try `ping` until it does. */
export function markOffline(ping: () => Promise<unknown>): void {
  connection.offline = true;
  if (timer) return;
  const again = () => {
    timer = setTimeout(async () => {
      try {
        await ping();
        markOnline();
      } catch (e) {
        // Any answer other than "offline" (e.g. not signed in) means the server is back.
        const code = e && typeof e === "object" && "code" in e ? (e as { code: string }).code : "";
        if (code === "offline") again();
        else markOnline();
      }
    }, RETRY_MS);
  };
  again();
}

/** The server answers again. */
export function markOnline(): void {
  connection.offline = false;
  if (timer) clearTimeout(timer);
  timer = null;
}
