import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { services } from "./fixtures";
import type { AgendaLine } from "../lib/types/AgendaLine";

const agendaApi = vi.hoisted(() => ({
  services: vi.fn(),
  office: vi.fn(),
  list: vi.fn(),
  exportFile: vi.fn(),
}));
vi.mock("../lib/agenda-api", () => ({ agendaApi }));
const files = vi.hoisted(() => ({ openFile: vi.fn() }));
vi.mock("../lib/files", () => files);
const router = vi.hoisted(() => ({ go: vi.fn(), router: { page: { section: "permohonan" } } }));
vi.mock("../lib/router.svelte", () => router);

import AgendaBook from "../pages/AgendaBook.svelte";

const line: AgendaLine = {
  id: 12,
  agenda_number: "0012/2026",
  received_at: "2026-03-02T09:15:00+07:00",
  applicant_name: "Dinas Pendidikan",
  letter_number: "400.3/512/2026",
  letter_date: "2026-02-27",
  hal: "Permohonan subdomain dan hosting",
  service_id: "ppid",
  service_name: "Layanan Permohonan Informasi Publik",
  sifat: "sangat_segera",
  status: "diterima",
  status_label: "Diterima",
  due_at: null,
};

const lastFilter = () => agendaApi.list.mock.calls.at(-1)![0];

describe("Buku Agenda Surat Masuk", () => {
  beforeEach(() => {
    Object.values(agendaApi).forEach((f) => f.mockReset());
    router.go.mockReset();
    files.openFile.mockReset();
    agendaApi.services.mockResolvedValue(services);
    agendaApi.office.mockResolvedValue({ units: [{ id: "ikp", name: "Bidang IKP", kind: "bidang", parent: null }] });
    agendaApi.list.mockResolvedValue([line]);
  });

  it("lists this year's letters in words and opens a case on click", async () => {
    const user = userEvent.setup();
    render(AgendaBook, {});
    const row = await screen.findByTestId("baris-agenda");
    expect(screen.getByTestId("jumlah-agenda").textContent, "the count is shown").toContain("1 surat");
    expect(lastFilter().year, "the current year by default").toBe(new Date().getFullYear());
    expect(lastFilter().limit, "the table shows at most 500 lines").toBe(500);
    expect(row.textContent, "sifat in words, never its code").toContain("Sangat segera");
    expect(row.textContent, "moments as dd/mm/yyyy").toContain("02/03/2026 09.15");
    await user.click(row);
    expect(router.go, "a row opens the case page").toHaveBeenCalledWith({ section: "permohonan", id: "12" });
  });

  it("filters by words, status, sifat, service, unit and dates", async () => {
    const user = userEvent.setup();
    render(AgendaBook, {});
    await screen.findByTestId("baris-agenda");
    await user.type(screen.getByTestId("cari-agenda"), "hosting");
    await waitFor(() => expect(lastFilter().text, "the search words go to full-text search").toBe("hosting"));
    await user.selectOptions(screen.getByTestId("saring-status"), "Diterima");
    await user.selectOptions(screen.getByTestId("saring-sifat"), "Segera");
    await user.selectOptions(screen.getByTestId("saring-layanan"), "Pendaftaran Sertifikat Elektronik");
    await user.selectOptions(screen.getByTestId("saring-unit"), "Bidang IKP");
    await user.type(screen.getByTestId("saring-dari"), "01/03/2026");
    await waitFor(() =>
      expect(lastFilter(), "every filter is sent as the API reads it").toMatchObject({
        text: "hosting",
        status: "diterima",
        sifat: "segera",
        service_id: "tte",
        unit_id: "ikp",
        from: "01/03/2026",
      }),
    );
  });

  it("says so when nothing matches", async () => {
    agendaApi.list.mockResolvedValue([]);
    render(AgendaBook, {});
    expect((await screen.findByTestId("agenda-kosong")).textContent, "an empty state in words").toContain(
      "Belum ada surat yang cocok",
    );
  });

  it("exports CSV and Excel to keluaran and offers to open the file", async () => {
    const user = userEvent.setup();
    agendaApi.exportFile.mockResolvedValue("/data/keluaran/buku-agenda-2026.xlsx");
    render(AgendaBook, {});
    await screen.findByTestId("baris-agenda");
    await user.click(screen.getByTestId("ekspor-excel"));
    expect(agendaApi.exportFile.mock.calls[0][1], "Excel asked for").toBe(true);
    expect(agendaApi.exportFile.mock.calls[0][0].limit, "the export has every line").toBeNull();
    expect((await screen.findByTestId("jalur-ekspor")).textContent, "the path is shown").toBe(
      "/data/keluaran/buku-agenda-2026.xlsx",
    );
    await user.click(screen.getByRole("button", { name: "Buka" }));
    expect(files.openFile, "Buka opens the saved file").toHaveBeenCalledWith("/data/keluaran/buku-agenda-2026.xlsx");
    await user.click(screen.getByTestId("ekspor-csv"));
    expect(agendaApi.exportFile.mock.calls[1][1], "CSV asked for").toBe(false);
  });

  it("hides the register button from those who may not register", async () => {
    render(AgendaBook, { canRegister: false });
    await screen.findByTestId("baris-agenda");
    expect(screen.queryByTestId("catat-surat-masuk"), "no button without the register role").toBeNull();
  });
});
