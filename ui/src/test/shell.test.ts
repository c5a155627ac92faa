import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { services, status } from "./fixtures";

vi.mock("../lib/api", () => ({
  api: { catalogList: vi.fn(async () => services) },
  onAboutMenu: vi.fn(async () => () => {}),
}));

vi.mock("../lib/requests-api", () => ({
  requestsApi: { kotakMasuk: vi.fn(async () => ({ dispositions: [], to_verify: [] })) },
}));

vi.mock("../lib/laporan-api", async (original) => ({
  ...(await original<typeof import("../lib/laporan-api")>()),
  laporanApi: { report: vi.fn(async () => new Promise(() => {})), exportXlsx: vi.fn() },
}));

import Shell from "../components/Shell.svelte";

describe("tata letak utama", () => {
  it("has the sidebar of every section, the office and the person in the header", async () => {
    render(Shell, { status });
    const nav = screen.getByRole("navigation", { name: "Menu utama" });
    for (const label of [
      "Kotak Masuk",
      "Permohonan",
      "Surat",
      "Jadwal Peralatan",
      "Katalog Layanan",
      "Laporan",
      "Pengaturan",
    ]) {
      expect(nav.textContent, `the sidebar offers ${label}`).toContain(label);
    }
    expect(screen.getByTestId("nama-kantor").textContent, "the header names the office").toBe(
      status.office_name,
    );
    expect(screen.getByTestId("pengguna").textContent, "the header names the person").toBe(
      "Siti Rahayu",
    );
  });

  it("reaches Laporan by keyboard and moves focus to its heading", async () => {
    const user = userEvent.setup();
    render(Shell, { status });
    await screen.findByTestId("kotak-kosong");
    screen.getByTestId("menu-laporan").focus();
    await user.keyboard("{Enter}");
    expect(screen.queryByTestId("belum-tersedia"), "every section has its screen").toBeNull();
    expect(document.activeElement?.textContent, "focus moves to the new page's heading").toBe(
      "Laporan",
    );
  });

  it("shows version and database path in Tentang Loket and closes with Escape", async () => {
    const user = userEvent.setup();
    render(Shell, { status });
    await user.click(screen.getByTestId("buka-tentang"));
    expect(screen.getByTestId("versi").textContent, "the version is shown").toBe("0.1.0");
    expect(screen.getByTestId("lokasi-basis-data").textContent, "the db path is shown").toBe(
      "/tmp/loket.db",
    );
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("dialog-tentang"), "Escape closes the dialog").toBeNull();
  });
});
