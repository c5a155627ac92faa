import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TenggatRow } from "../lib/types/TenggatRow";
import type { TenggatView } from "../lib/types/TenggatView";
import { colourOf, filterRows } from "../lib/tenggat";

const tenggatApi = vi.hoisted(() => ({
  view: vi.fn(),
  notifications: vi.fn(),
  markRead: vi.fn(),
  dueSoon: vi.fn(),
  setDueSoon: vi.fn(),
  certificates: vi.fn(),
}));
vi.mock("../lib/tenggat-api", () => ({ tenggatApi, onNotifikasi: async () => () => {} }));
const router = vi.hoisted(() => ({ go: vi.fn(), router: { page: { section: "tenggat" } } }));
vi.mock("../lib/router.svelte", () => router);

import Tenggat from "../pages/tenggat/Tenggat.svelte";

const NOW = "2026-03-04T09:00:00+07:00";

function row(key: string, state: string, label: string, due: string, remaining: string): TenggatRow {
  const id = Number(key.split(":")[1]);
  return {
    key,
    kind: key.startsWith("case") ? "permohonan" : "disposisi",
    kind_label: key.startsWith("case") ? "Permohonan" : "Disposisi",
    case_id: id as unknown as bigint,
    title: `Agenda ${id}/2026 — Permohonan hosting`,
    service: "Layanan Hosting",
    applicant: "Dinas Pendidikan",
    holder: "Kepala Bidang Aplikasi Informatika",
    due,
    due_words: `Rabu, 4 Maret 2026 pukul 16.00 WIB (${key})`,
    state,
    state_label: label,
    remaining,
  };
}

const view: TenggatView = {
  now: NOW,
  rows: [
    row("case:1", "terlambat", "Terlambat", "2026-02-27T16:00:00+07:00", "terlambat 3 hari kerja"),
    row("case:2", "jatuh_tempo_hari_ini", "Jatuh tempo hari ini", "2026-03-04T16:00:00+07:00", "sisa 7 jam"),
    row("disposition:3", "segera_jatuh_tempo", "Segera jatuh tempo", "2026-03-05T16:00:00+07:00", "1 hari kerja lagi"),
    row("case:4", "dalam_batas", "Dalam batas", "2026-03-16T16:00:00+07:00", "8 hari kerja lagi"),
  ],
};

describe("Tenggat", () => {
  beforeEach(() => {
    tenggatApi.view.mockReset();
    tenggatApi.certificates.mockReset();
    tenggatApi.certificates.mockResolvedValue([]);
    router.go.mockReset();
  });

  it("colours each state and says it in words too", async () => {
    tenggatApi.view.mockResolvedValue(view);
    render(Tenggat);
    const rows = await screen.findAllByTestId("baris-tenggat");
    expect(rows.length, "by default only what needs attention: on track is left out").toBe(3);
    const shown = rows.map((r) => [
      r.dataset.state,
      within(r).getByTestId("status-tenggat").dataset.colour,
      within(r).getByTestId("status-tenggat").textContent?.trim(),
      within(r).getByTestId("sisa-waktu").textContent,
    ]);
    expect(shown, "overdue red, due today orange, due soon yellow, each with its label and the time left").toEqual([
      ["terlambat", "merah", "Terlambat", "terlambat 3 hari kerja"],
      ["jatuh_tempo_hari_ini", "oranye", "Jatuh tempo hari ini", "sisa 7 jam"],
      ["segera_jatuh_tempo", "kuning", "Segera jatuh tempo", "1 hari kerja lagi"],
    ]);
    expect(
      screen.getByTestId("legenda").textContent,
      "the legend names every colour",
    ).toContain("Dalam batas");
    expect(screen.getAllByTestId("jatuh-tempo")[0].textContent, "due moment in Indonesian").toContain(
      "4 Maret 2026",
    );
  });

  it("filters by state and by window, and opens the case page", async () => {
    const user = userEvent.setup();
    tenggatApi.view.mockResolvedValue(view);
    render(Tenggat);
    await screen.findAllByTestId("baris-tenggat");
    await user.selectOptions(screen.getByTestId("saring-status"), "semua");
    expect(screen.getAllByTestId("baris-tenggat").length, "'Semua' adds the on-track case").toBe(4);
    await user.selectOptions(screen.getByTestId("saring-jangka"), "24");
    expect(
      screen.getAllByTestId("baris-tenggat").map((r) => r.dataset.state),
      "within 24 hours: the overdue and the due-today case, not tomorrow's disposition",
    ).toEqual(["terlambat", "jatuh_tempo_hari_ini"]);
    await user.selectOptions(screen.getByTestId("saring-jangka"), "0");
    await user.selectOptions(screen.getByTestId("saring-status"), "dalam_batas");
    const rows = screen.getAllByTestId("baris-tenggat");
    expect(rows.length, "one state alone").toBe(1);
    await user.click(within(rows[0]).getByRole("button"));
    expect(router.go, "a row opens its case page").toHaveBeenCalledWith({ section: "permohonan", id: "4" });
  });

  it("says so when nothing needs attention", async () => {
    tenggatApi.view.mockResolvedValue({ now: NOW, rows: [view.rows[3]] });
    render(Tenggat);
    expect((await screen.findByTestId("tenggat-kosong")).textContent, "an empty state in Indonesian").toContain(
      "Tidak ada tenggat",
    );
  });

  it("keeps unknown states grey and filters without a window", () => {
    expect(colourOf("ditunda"), "a paused case is grey").toBe("abu");
    expect(filterRows(view.rows, "perhatian", 0, NOW).length, "three need attention").toBe(3);
  });
});

describe("ambang segera jatuh tempo", () => {
  it("is offered to administrators only and saves the numbers", async () => {
    const user = userEvent.setup();
    tenggatApi.view.mockResolvedValue(view);
    const defaults = { working_days: 1, percent: 25, disposition_days: 1 };
    tenggatApi.dueSoon.mockResolvedValue(defaults);
    tenggatApi.setDueSoon.mockImplementation(async (s: typeof defaults) => s);
    const { unmount } = render(Tenggat);
    await screen.findAllByTestId("baris-tenggat");
    expect(screen.queryByTestId("ambang-segera"), "not for a registrar").toBeNull();
    unmount();
    render(Tenggat, { admin: true });
    await user.click(await screen.findByText("Ambang “segera jatuh tempo” (administrator)"));
    const field = await screen.findByTestId("ambang-disposisi");
    await user.clear(field);
    await user.type(field, "2{Enter}");
    expect(tenggatApi.setDueSoon, "Enter saves the thresholds as numbers").toHaveBeenCalledWith({
      working_days: 1,
      percent: 25,
      disposition_days: 2,
    });
    expect(tenggatApi.view, "the view reloads with the new thresholds").toHaveBeenCalledTimes(3);
  });
});

describe("Tenggat: signer certificates", () => {
  it("warns about a certificate that expires soon, counted in working days", async () => {
    tenggatApi.view.mockResolvedValue(view);
    tenggatApi.certificates.mockResolvedValue([
      {
        id: 1,
        account_id: "kadis",
        account_name: "Ir. Budi Santoso",
        subject: "CN=Ir. Budi Santoso",
        issuer: "O=Balai Sertifikasi Uji",
        issuer_name: "Balai Sertifikasi Uji",
        serial_number: "197005122001121007",
        not_before: "2025-03-20T00:00:00Z",
        not_after: "2026-03-20T00:00:00Z",
        names_nip: true,
        fingerprint: "ab",
        state: "segera kedaluwarsa",
        working_days_left: 11,
        registered_by: "admin",
        registered_at: "2025-03-21T08:00:00+07:00",
      },
    ]);
    render(Tenggat);
    const box = await screen.findByTestId("sertifikat-kedaluwarsa");
    expect(box.textContent, "the signer and the working days left are named").toContain("Ir. Budi Santoso");
    expect(box.textContent, "the days left are working days").toContain("11 hari kerja lagi");
    expect(box.textContent, "the end of validity is a date in words").toContain("20 Maret 2026");
  });

  it("shows no warning when every certificate is far from expiry", async () => {
    tenggatApi.view.mockResolvedValue(view);
    tenggatApi.certificates.mockResolvedValue([]);
    render(Tenggat);
    await screen.findByTestId("tabel-tenggat");
    expect(screen.queryByTestId("sertifikat-kedaluwarsa"), "no box without an expiring certificate").toBeNull();
  });
});
