// Where the main window is. Any page may move it: `go({ section: "permohonan", id: "12" })`.
// `id` names the record a page shows (a service, a case, a letter, a booking); `view` picks a
// sub-view of a section (e.g. "agenda", "baru", "minggu").
import { tick } from "svelte";
import type { Section } from "./nav";

export type Page = { section: Section; id?: string; view?: string };

export const router = $state<{ page: Page }>({ page: { section: "kotak-masuk" } });

/** Opens `page` and moves keyboard focus to its heading so screen readers announce it. */
export async function go(page: Page): Promise<void> {
  router.page = page;
  await tick();
  document.querySelector<HTMLElement>("#konten h1")?.focus();
}
