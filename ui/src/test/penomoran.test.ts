import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { PatternPage } from "../lib/types/PatternPage";

const penomoranApi = vi.hoisted(() => ({ page: vi.fn(), example: vi.fn(), save: vi.fn() }));
vi.mock("../lib/penomoran-api", () => ({ penomoranApi }));

import Penomoran from "../pages/penomoran/Penomoran.svelte";

const kinds = [
  { id: "surat_balasan", label: "Surat balasan" },
  { id: "rekomendasi_teknis_fo", label: "Surat rekomendasi teknis FO" },
];
const rekomendasi = {
  pattern: {
    id: "rekomendasi",
    pattern: "{klasifikasi}/{urut}/{unit}/{tahun}",
    klasifikasi: "500.12.4",
    unit: "DKIS",
    kinds: ["rekomendasi_teknis_fo"],
  },
  kind_labels: ["Surat rekomendasi teknis FO"],
  next_number: "500.12.4/4/DKIS/2026",
};
const before: PatternPage = { patterns: [rekomendasi], kinds, unnumbered: [kinds[0]] };

describe("Pengaturan → Penomoran Surat", () => {
  beforeEach(() => {
    Object.values(penomoranApi).forEach((f) => f.mockReset());
    penomoranApi.page.mockResolvedValue(before);
    penomoranApi.example.mockImplementation(async (p: { unit: string }) => {
      if (!p.unit) throw { code: "bad_input", message: "pola memakai {unit}; isi kode unit" };
      return "000.8.3.3/001/DKIS/XI/2026";
    });
  });

  it("lists patterns with their next number and warns about kinds without one", async () => {
    render(Penomoran);
    expect((await screen.findByTestId("nomor-berikutnya")).textContent, "the next number is shown").toBe(
      "500.12.4/4/DKIS/2026",
    );
    expect(screen.getByTestId("tanpa-pola").textContent, "the unnumbered kind is named").toContain("Surat balasan");
  });

  it("creates a pattern for the unnumbered kinds with a live example and a clear refusal", async () => {
    penomoranApi.save.mockResolvedValue({ ...before, unnumbered: [] });
    render(Penomoran);
    await userEvent.click(await screen.findByTestId("pola-untuk-semua"));
    expect((screen.getByTestId("jenis-surat_balasan") as HTMLInputElement).checked, "the missing kind is pre-checked").toBe(
      true,
    );
    await fireEvent.input(screen.getByTestId("klasifikasi-pola"), { target: { value: "000.8.3.3" } });
    await waitFor(() =>
      expect(screen.getByTestId("contoh-nomor").textContent, "without a unit the example explains why").toContain(
        "isi kode unit",
      ),
    );
    await fireEvent.input(screen.getByTestId("unit-pola"), { target: { value: "DKIS" } });
    await waitFor(() =>
      expect(screen.getByTestId("contoh-nomor").textContent, "the next number is previewed").toContain(
        "000.8.3.3/001/DKIS/XI/2026",
      ),
    );
    await userEvent.click(screen.getByTestId("jenis-rekomendasi_teknis_fo"));
    expect(screen.getByText(/pindah dari pola rekomendasi/), "taking a kind from another pattern is said").toBeTruthy();
    await userEvent.click(screen.getByTestId("simpan-pola"));
    expect(penomoranApi.save, "the form is sent").toHaveBeenCalledWith({
      id: "surat-keluar",
      pattern: "{klasifikasi}/{urut:3}/{unit}/{tahun}",
      klasifikasi: "000.8.3.3",
      unit: "DKIS",
      kinds: ["surat_balasan", "rekomendasi_teknis_fo"],
    });
    expect((await screen.findByTestId("pesan-pola")).textContent, "saving is confirmed").toContain("disimpan");
    expect(screen.queryByTestId("tanpa-pola"), "no warning once every kind is numbered").toBeNull();
  });
});
