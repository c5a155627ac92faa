import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { deadlineLabel, sortInbox } from "../lib/requests";
import { deadline, line } from "./requests-fixtures";

const requestsApi = vi.hoisted(() => ({ kotakMasuk: vi.fn() }));
vi.mock("../lib/requests-api", () => ({ requestsApi }));
// The page's change poll: the test moves the marker by calling what the page registered.
const changes = vi.hoisted(() => ({ reload: null as null | (() => unknown), stopped: 0 }));
vi.mock("../lib/changes", () => ({
  followChanges: (onChange: () => unknown) => {
    changes.reload = onChange;
    return () => (changes.stopped += 1);
  },
}));

import KotakMasuk from "../pages/KotakMasuk.svelte";

describe("Kotak Masuk", () => {
  beforeEach(() => requestsApi.kotakMasuk.mockReset());

  it("sorts by deadline, none last, unread first on the same deadline", () => {
    const sorted = sortInbox([
      line(1, "tanpa tenggat", true, null, null),
      line(2, "dibaca", false, "2026-03-05T16:00:00+07:00", "segera_jatuh_tempo"),
      line(3, "belum dibaca", true, "2026-03-05T16:00:00+07:00", "segera_jatuh_tempo"),
      line(4, "paling awal", false, "2026-03-03T16:00:00+07:00", "terlambat"),
    ]);
    expect(
      sorted.map((l) => l.item.hal),
      "earliest first; unread before read; no deadline last",
    ).toEqual(["paling awal", "belum dibaca", "dibaca", "tanpa tenggat"]);
  });

  it("names deadline states in the deadline view's words", () => {
    expect(deadlineLabel(deadline("x", "dalam_batas")), "on track").toBe("dalam batas");
    expect(deadlineLabel(deadline("x", "segera_jatuh_tempo")), "due soon").toBe(
      "segera jatuh tempo",
    );
    expect(deadlineLabel(deadline("x", "jatuh_tempo_hari_ini")), "due today").toBe(
      "jatuh tempo hari ini",
    );
    expect(deadlineLabel(deadline("x", "terlambat")), "overdue").toBe("terlambat");
    expect(deadlineLabel(null), "a service without tenggat says so").toBe("tanpa tenggat");
  });

  it("shows unread in bold, sifat badges and state colours, and opens the case on click", async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    requestsApi.kotakMasuk.mockResolvedValue({
      dispositions: [
        line(5, "Hosting PPDB", true, "2026-03-04T16:00:00+07:00", "terlambat", "sangat_segera"),
        line(6, "Subdomain desa", false, "2026-03-09T16:00:00+07:00", "dalam_batas", "rahasia"),
      ],
      to_verify: [],
    });
    render(KotakMasuk, { onOpen });
    const rows = await screen.findAllByTestId("disposisi-baris");
    expect(rows.map((r) => r.dataset.unread), "the unread line is marked").toEqual(["ya", "tidak"]);
    expect(rows[0].classList.contains("belum-dibaca"), "unread is styled bold").toBe(true);
    const badges = screen.getAllByTestId("sifat").map((b) => b.textContent);
    expect(badges, "sifat badges in words").toEqual(["Sangat segera", "Rahasia"]);
    const states = screen.getAllByTestId("status-tenggat");
    expect(states[0].textContent, "overdue in words").toBe("terlambat");
    expect(states[0].classList.contains("merah"), "overdue is red").toBe(true);
    expect(states[1].classList.contains("hijau"), "on track is green").toBe(true);
    expect(screen.getByTestId("ringkasan-kotak").textContent, "summary counts").toContain(
      "2 disposisi terbuka, 1 belum dibaca",
    );
    await user.click(rows[0]);
    expect(onOpen, "a click opens the case page of that disposition").toHaveBeenCalledWith(5);
  });

  it("says so when nothing waits, and lists new cases for a registrar", async () => {
    requestsApi.kotakMasuk.mockResolvedValue({
      dispositions: [],
      to_verify: [
        {
          case: {
            id: 9,
            agenda_number: "0009/2026",
            received_at: "2026-03-02T08:15:00+07:00",
            applicant_name: "Kecamatan Wonosalam",
            letter_number: "1/2026",
            letter_date: "2026-03-01",
            hal: "Permohonan subdomain",
            service_id: "subdomain-hosting",
            service_name: "Layanan Subdomain dan Hosting",
            sifat: "segera",
            status: "diterima",
            status_label: "Diterima",
            due_at: null,
          },
          deadline: deadline("2026-03-03T16:00:00+07:00", "jatuh_tempo_hari_ini"),
        },
      ],
    });
    render(KotakMasuk, { onOpen: vi.fn() });
    expect((await screen.findByTestId("kotak-kosong")).textContent, "an honest empty state").toContain(
      "Tidak ada disposisi",
    );
    expect(screen.getByTestId("verifikasi-baris").textContent, "the new case is listed").toContain(
      "jatuh tempo hari ini",
    );
  });

  it("shows what another laptop sent without a reload, keeping the focused row", async () => {
    const first = {
      dispositions: [line(5, "Hosting PPDB", false, "2026-03-09T16:00:00+07:00", "dalam_batas")],
      to_verify: [],
    };
    requestsApi.kotakMasuk.mockResolvedValueOnce(first);
    const { unmount } = render(KotakMasuk, { onOpen: vi.fn() });
    const [row] = await screen.findAllByTestId("disposisi-baris");
    row.focus();
    requestsApi.kotakMasuk.mockResolvedValueOnce({
      dispositions: [
        ...first.dispositions,
        line(6, "Rekomendasi FO", true, "2026-03-04T16:00:00+07:00", "segera_jatuh_tempo"),
      ],
      to_verify: [],
    });
    await changes.reload?.();
    const rows = await screen.findAllByTestId("disposisi-baris");
    expect(rows.map((r) => r.textContent?.includes("Rekomendasi FO")), "the new line is listed").toContain(true);
    expect(document.activeElement, "the row the person was on keeps the focus").toBe(row);
    expect(rows.includes(row), "the existing row is kept, not drawn again").toBe(true);
    const stoppedBefore = changes.stopped;
    unmount();
    expect(changes.stopped, "leaving the page stops the poll").toBe(stoppedBefore + 1);
  });
});
