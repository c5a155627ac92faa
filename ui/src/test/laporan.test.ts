import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RecapRow } from "../lib/types/RecapRow";
import type { ServiceReport } from "../lib/types/ServiceReport";
import { percent, percentColour, periodOf } from "../lib/laporan-api";

const laporanApi = vi.hoisted(() => ({ report: vi.fn(), exportXlsx: vi.fn() }));
vi.mock("../lib/laporan-api", async (original) => ({
  ...(await original<typeof import("../lib/laporan-api")>()),
  laporanApi,
}));
const files = vi.hoisted(() => ({ openFile: vi.fn() }));
vi.mock("../lib/files", () => files);

import Laporan from "../pages/laporan/Laporan.svelte";

function row(key: string, label: string, over: Partial<RecapRow> = {}): RecapRow {
  return {
    key,
    label,
    received: 0,
    completed: 0,
    on_time: 0,
    late: 0,
    without_deadline: 0,
    on_time_percent: null,
    returned: 0,
    rejected: 0,
    open: 0,
    open_overdue: 0,
    median_days: null,
    mean_days: null,
    ...over,
  };
}

const busy = {
  received: 6,
  completed: 2,
  on_time: 1,
  late: 1,
  on_time_percent: 50,
  returned: 1,
  rejected: 1,
  open: 2,
  open_overdue: 1,
  median_days: 10.5,
  mean_days: 10.5,
};

const report: ServiceReport = {
  from: "2026-03-01",
  to: "2026-03-31",
  period_words: "1 Maret 2026 s.d. 31 Maret 2026",
  now_words: "Rabu, 8 April 2026 pukul 10.00 WIB",
  services: [
    row("ppid-permohonan-informasi", "Layanan Permohonan Informasi Publik", busy),
    row("subdomain-hosting", "Layanan Subdomain dan Hosting"),
  ],
  units: [row("ikp", "Bidang Informasi dan Komunikasi Publik", busy)],
  total: row("total", "Jumlah", busy),
  resources: [
    {
      resource_id: "vicon-1",
      name: "Perangkat Vicon",
      bookings: 3,
      hours: 7.5,
      cancelled: 1,
    },
  ],
  letters: [{ kind: "surat_balasan", label: "Surat Balasan", count: 2 }],
  letters_total: 2,
};

describe("periode laporan", () => {
  it("turns the choices into first and last days", () => {
    const today = new Date(2026, 2, 15);
    expect(periodOf("bulan-ini", today), "March has 31 days").toEqual({
      from: "2026-03-01",
      to: "2026-03-31",
    });
    expect(periodOf("bulan-lalu", today), "February 2026 has 28 days").toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
    });
    expect(periodOf("bulan-lalu", new Date(2026, 0, 10)), "January's last month is December").toEqual({
      from: "2025-12-01",
      to: "2025-12-31",
    });
    expect(periodOf("tahun-ini", today), "the whole year").toEqual({
      from: "2026-01-01",
      to: "2026-12-31",
    });
  });

  it("writes percentages the Indonesian way and colours them", () => {
    expect(percent(66.7), "decimal comma").toBe("66,7%");
    expect(percent(null), "nothing measured").toBe("—");
    expect(percentColour(50), "half on time is red").toBe("merah");
    expect(percentColour(95), "95% is green").toBe("hijau");
  });
});

describe("halaman Laporan", () => {
  beforeEach(() => {
    laporanApi.report.mockReset().mockResolvedValue(report);
    laporanApi.exportXlsx.mockReset();
    files.openFile.mockReset().mockResolvedValue(undefined);
  });

  it("loads this month and shows the counts with late ones highlighted", async () => {
    render(Laporan, { today: new Date(2026, 2, 15) });
    expect((await screen.findByTestId("periode")).textContent, "the period in words").toContain(
      "1 Maret 2026 s.d. 31 Maret 2026",
    );
    expect(laporanApi.report, "this month by default").toHaveBeenCalledWith(
      "2026-03-01",
      "2026-03-31",
    );
    const table = screen.getByTestId("tabel-layanan");
    const lines = within(table).getAllByTestId("baris-rekap");
    expect(lines.length, "services without requests are hidden at first").toBe(1);
    expect(within(lines[0]).getByTestId("diterima").textContent, "received").toContain("6");
    expect(within(lines[0]).getByTestId("terlambat").className, "late in red").toContain("merah");
    expect(within(lines[0]).getByTestId("terlambat-berjalan").className, "overdue in red").toContain(
      "merah",
    );
    expect(within(lines[0]).getByTestId("persen").textContent, "percentage").toContain("50%");
    expect(screen.getByTestId("tabel-peralatan").textContent, "bookings per resource").toContain(
      "7,5",
    );
    expect(screen.getByTestId("tabel-surat").textContent, "letters per kind").toContain(
      "Surat Balasan",
    );
  });

  it("shows every service on request and switches to last month", async () => {
    const user = userEvent.setup();
    render(Laporan, { today: new Date(2026, 2, 15) });
    await screen.findByTestId("tabel-layanan");
    await user.click(screen.getByTestId("tampilkan-kosong"));
    expect(
      within(screen.getByTestId("tabel-layanan")).getAllByTestId("baris-rekap").length,
      "the empty service shows too",
    ).toBe(2);
    await user.click(screen.getByTestId("periode-bulan-lalu"));
    expect(laporanApi.report, "February").toHaveBeenLastCalledWith("2026-02-01", "2026-02-28");
  });

  it("saves the Excel file, says where, and opens it", async () => {
    const user = userEvent.setup();
    laporanApi.exportXlsx.mockResolvedValue("/data/keluaran/rekap-layanan.xlsx");
    render(Laporan, { today: new Date(2026, 2, 15) });
    await screen.findByTestId("tabel-layanan");
    await user.click(screen.getByTestId("unduh-excel"));
    expect((await screen.findByTestId("tersimpan")).textContent, "the path is shown").toContain(
      "Tersimpan di /data/keluaran/rekap-layanan.xlsx",
    );
    expect(files.openFile, "opened in the system's program").toHaveBeenCalledWith(
      "/data/keluaran/rekap-layanan.xlsx",
    );
  });

  it("explains a refused period", async () => {
    const user = userEvent.setup();
    render(Laporan, { today: new Date(2026, 2, 15) });
    await screen.findByTestId("tabel-layanan");
    laporanApi.report.mockRejectedValue({
      code: "bad_input",
      message: "periode laporan terbalik; tukar keduanya",
    });
    await user.click(screen.getByTestId("periode-pilih"));
    await user.click(screen.getByTestId("tampilkan"));
    expect(await screen.findByText(/periode laporan terbalik/), "the message shows").toBeTruthy();
  });
});
