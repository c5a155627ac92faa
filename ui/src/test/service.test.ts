import { render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { detail } from "./fixtures";

vi.mock("../lib/api", () => ({
  api: { catalogShow: vi.fn(async () => detail) },
}));

import ServicePage from "../pages/ServicePage.svelte";

describe("halaman layanan", () => {
  it("shows everything the standard says, in words", async () => {
    render(ServicePage, { id: "ppid", onBack: () => {} });
    expect((await screen.findByTestId("judul-layanan")).textContent, "the title is the name").toBe(
      "Layanan Permohonan Informasi Publik",
    );
    expect(screen.getByTestId("jangka-waktu").textContent, "service time is in words").toBe(
      "10 (sepuluh) hari kerja, dapat diperpanjang 7 (tujuh) hari kerja",
    );
    expect(screen.getByTestId("persyaratan").children, "every requirement is listed").toHaveLength(2);
    const steps = screen.getAllByTestId("langkah");
    expect(steps, "every procedure step is listed").toHaveLength(3);
    expect(steps[1].textContent, "a step names its actor").toContain("Admin PPID");
    expect(steps[1].textContent, "a step time is in words").toContain("1 (satu) hari kerja");
    expect(screen.getByText(/berlaku sejak 27 Maret 2024/), "dates are Indonesian").toBeTruthy();
    expect(screen.getByTestId("pengaduan").textContent, "complaint channels are shown").toContain(
      "ppid@demakkab.go.id",
    );
    expect(screen.getByTestId("dasar-hukum").textContent, "the legal basis is shown").toContain(
      "Komisi Informasi",
    );
    const text = document.body.textContent ?? "";
    expect(text, "no undefined leaks onto the page").not.toContain("undefined");
    expect(text, "no null leaks onto the page").not.toContain("null");
    expect(text, "an unresolved actor id is never shown").not.toContain("tak-dikenal");
    expect(text, "letter kinds are shown by name, not id").not.toContain("surat_balasan");
  });
});
