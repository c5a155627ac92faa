import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { NotificationCentre } from "../lib/types/NotificationCentre";
import type { NotificationView } from "../lib/types/NotificationView";

const tenggatApi = vi.hoisted(() => ({ view: vi.fn(), notifications: vi.fn(), markRead: vi.fn() }));
const events = vi.hoisted(() => ({ handler: null as null | (() => void) }));
vi.mock("../lib/tenggat-api", () => ({
  tenggatApi,
  onNotifikasi: async (h: () => void) => {
    events.handler = h;
    return () => {};
  },
}));
const router = vi.hoisted(() => ({ go: vi.fn(), router: { page: { section: "katalog" } } }));
vi.mock("../lib/router.svelte", () => router);

import NotificationBell from "../components/NotificationBell.svelte";

function event(id: number, title: string, section: string, target: number | null, read = false): NotificationView {
  return {
    id: id as unknown as bigint,
    at: "2026-03-04T09:00:00+07:00",
    at_words: "4 Maret 2026 09.00",
    title,
    body: "Layanan Hosting (Dinas Pendidikan)",
    grouped: target === null,
    read,
    section,
    target_id: target as unknown as bigint | null,
  };
}

const centre: NotificationCentre = {
  unread: 2,
  events: [
    event(3, "Peminjaman dimulai: Vicon Musrenbang", "jadwal", 7),
    event(2, "Terlambat: Agenda 1/2026 — Permohonan hosting", "permohonan", 1),
    event(1, "Loket: 4 hal perlu perhatian", "tenggat", null, true),
  ],
};

describe("pusat notifikasi", () => {
  beforeEach(() => {
    tenggatApi.notifications.mockReset();
    tenggatApi.markRead.mockReset();
    router.go.mockReset();
  });

  it("shows the unread count and lists what the watcher sent", async () => {
    const user = userEvent.setup();
    tenggatApi.notifications.mockResolvedValue(centre);
    render(NotificationBell);
    expect((await screen.findByTestId("jumlah-belum-dibaca")).textContent, "two unread").toBe("2");
    expect(screen.getByTestId("lonceng").getAttribute("aria-label"), "the count is spoken too").toBe(
      "Notifikasi, 2 belum dibaca",
    );
    await user.click(screen.getByTestId("lonceng"));
    const items = await screen.findAllByTestId("butir-notifikasi");
    expect(items.map((i) => i.dataset.read), "newest first, read state per item").toEqual([
      "tidak",
      "tidak",
      "ya",
    ]);
    expect(tenggatApi.notifications, "opening the panel refreshes it").toHaveBeenCalledTimes(2);
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("panel-notifikasi"), "Esc closes the panel").toBeNull();
  });

  it("follows a notification to its booking and marks it read", async () => {
    const user = userEvent.setup();
    tenggatApi.notifications.mockResolvedValue(centre);
    tenggatApi.markRead.mockResolvedValue({ ...centre, unread: 1 });
    render(NotificationBell);
    await user.click(await screen.findByTestId("lonceng"));
    await user.click((await screen.findAllByTestId("butir-notifikasi"))[0]);
    expect(tenggatApi.markRead, "the clicked one is marked read").toHaveBeenCalledWith([3]);
    expect(router.go, "a booking reminder opens the booking page").toHaveBeenCalledWith({
      section: "jadwal",
      id: "7",
    });
  });

  it("marks all read and refreshes on the watcher's event", async () => {
    const user = userEvent.setup();
    tenggatApi.notifications.mockResolvedValue(centre);
    tenggatApi.markRead.mockResolvedValue({
      unread: 0,
      events: centre.events.map((e) => ({ ...e, read: true })),
    });
    render(NotificationBell);
    await user.click(await screen.findByTestId("lonceng"));
    await user.click(await screen.findByTestId("tandai-semua"));
    expect(tenggatApi.markRead, "Tandai semua dibaca marks everything").toHaveBeenCalledWith(null);
    expect(screen.queryByTestId("jumlah-belum-dibaca"), "no count once all are read").toBeNull();
    tenggatApi.notifications.mockResolvedValue({ ...centre, unread: 5 });
    events.handler?.();
    expect(
      (await screen.findByTestId("jumlah-belum-dibaca")).textContent,
      "a new tick refreshes the bell",
    ).toBe("5");
  });
});
