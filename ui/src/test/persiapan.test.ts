import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { OfficialsPage } from "../lib/types/OfficialsPage";
import type { Readiness } from "../lib/types/Readiness";

const persiapanApi = vi.hoisted(() => ({
  readiness: vi.fn(),
  officials: vi.fn(),
  saveOfficial: vi.fn(),
  clearOfficial: vi.fn(),
  paper: vi.fn(),
  savePaper: vi.fn(),
  saveEmblem: vi.fn(),
  patternProposals: vi.fn(),
  savePatterns: vi.fn(),
  resourceProposals: vi.fn(),
  saveResources: vi.fn(),
}));
vi.mock("../lib/persiapan-api", () => ({ persiapanApi }));

import Persiapan from "../pages/persiapan/Persiapan.svelte";
import KesiapanKantor from "../components/KesiapanKantor.svelte";

function readiness(done: string[]): Readiness {
  const steps = [
    ["pejabat", "Pejabat penanda tangan", "Kepala Dinas belum ditetapkan: surat belum dapat disusun", true],
    ["lambang", "Lambang daerah", "kop surat masih memakai lambang pengganti netral bawaan Loket", false],
    ["kertas", "Ukuran kertas", "belum dipilih (sementara A4)", false],
    ["penomoran", "Pola nomor surat", "belum ada pola nomor untuk: Surat balasan", true],
    ["sumber_daya", "Ruang dan peralatan", "belum terdaftar: Perangkat video conference", false],
  ].map(([id, label, detail, blocks]) => ({
    id: id as string,
    label: label as string,
    detail: done.includes(id as string) ? "selesai" : (detail as string),
    done: done.includes(id as string),
    blocks_letters: blocks as boolean,
  }));
  return { steps, missing: steps.filter((s) => !s.done).length };
}

const ranks = [
  { golongan: "IV/b", pangkat: "Pembina Tingkat I" },
  { golongan: "IV/c", pangkat: "Pembina Utama Muda" },
];
const empty: OfficialsPage = {
  posts: [
    { position_id: "kepala-dinas", title: "Kepala Dinas Kominfos", role_label: "Penanda tangan", required: true, holder: null },
  ],
  ranks,
};
const filled: OfficialsPage = {
  posts: [
    {
      ...empty.posts[0],
      holder: {
        name: "Dr. I Made Santika",
        nip: "197005122001121007",
        nip_formatted: "19700512 200112 1 007",
        pangkat: "Pembina Utama Muda",
        golongan: "IV/c",
        acting: null,
        from_office: true,
        block: ["Kepala Dinas Kominfos", "Dr. I Made Santika", "Pembina Utama Muda (IV/c)", "NIP. 19700512 200112 1 007"],
      },
    },
  ],
  ranks,
};

describe("Persiapan kantor (first-run checklist)", () => {
  beforeEach(() => {
    Object.values(persiapanApi).forEach((f) => f.mockReset());
    persiapanApi.readiness.mockResolvedValue(readiness([]));
    persiapanApi.officials.mockResolvedValue(empty);
    persiapanApi.paper.mockResolvedValue({ kertas: "a4", chosen: false });
    persiapanApi.patternProposals.mockResolvedValue([
      {
        pattern: { id: "surat-balasan", pattern: "{klasifikasi}/{urut:3}/{unit}/{bulan_romawi}/{tahun}", klasifikasi: "", unit: "DKIS", kinds: ["surat_balasan"] },
        kind_label: "Surat balasan",
        services: ["Layanan Informasi Publik"],
      },
    ]);
    persiapanApi.resourceProposals.mockResolvedValue([
      {
        id: "vicon",
        name: "Perangkat video conference",
        kind: "peralatan",
        quantity: 1,
        setup_minutes: 30,
        teardown_minutes: 30,
        unit_id: "pelaksana-tik",
        unit_name: "Pelaksana Layanan TIK",
        services: ["Layanan TIK"],
        exists: false,
      },
    ]);
  });

  it("opens on the first missing step and sets the Kepala Dinas with a checked, grouped NIP", async () => {
    persiapanApi.saveOfficial.mockResolvedValue(filled);
    render(Persiapan, { first: true, onFinish: vi.fn() });
    expect((await screen.findByTestId("sisa-langkah")).textContent, "the missing steps are counted").toContain("5 langkah");
    await userEvent.click(await screen.findByTestId("ubah-pejabat-kepala-dinas"));
    await fireEvent.input(screen.getByTestId("nama-pejabat"), { target: { value: "Dr. I Made Santika" } });
    await fireEvent.input(screen.getByTestId("nip-pejabat"), { target: { value: "NIP. 1970051220011210" } });
    expect(screen.getByTestId("nip-bantu").textContent, "a short NIP shows how many digits are there").toContain(
      "16 dari 18",
    );
    await fireEvent.input(screen.getByTestId("nip-pejabat"), { target: { value: "NIP. 197005122001121007" } });
    expect(screen.getByTestId("nip-bantu").textContent, "the NIP prints grouped, the typed label dropped").toContain(
      "Tercetak: NIP. 19700512 200112 1 007",
    );
    await userEvent.selectOptions(screen.getByTestId("golongan-pejabat"), "IV/c");
    persiapanApi.readiness.mockResolvedValue(readiness(["pejabat"]));
    await userEvent.click(screen.getByTestId("simpan-pejabat"));
    expect(persiapanApi.saveOfficial, "the pangkat goes with the chosen golongan").toHaveBeenCalledWith({
      position_id: "kepala-dinas",
      name: "Dr. I Made Santika",
      nip: "NIP. 197005122001121007",
      pangkat: "Pembina Utama Muda",
      golongan: "IV/c",
      acting: null,
    });
    expect((await screen.findByTestId("blok-ttd-kepala-dinas")).textContent, "the signature block is shown").toContain(
      "Pembina Utama Muda (IV/c)",
    );
    await waitFor(() =>
      expect(screen.getByTestId("langkah-pejabat").dataset.done, "readiness is read again after saving").toBe("ya"),
    );
  });

  it("skips a step, creates the proposed patterns with their klasifikasi and the resources at once", async () => {
    persiapanApi.savePatterns.mockResolvedValue({ patterns: [], kinds: [], unnumbered: [] });
    persiapanApi.saveResources.mockResolvedValue([]);
    const onFinish = vi.fn();
    render(Persiapan, { first: true, onFinish });
    await userEvent.click(await screen.findByTestId("lewati-pejabat"));
    expect(await screen.findByTestId("lambang-pengganti"), "the emblem step says the shipped one is a placeholder").toBeTruthy();
    await userEvent.click(screen.getByTestId("lewati-lambang"));
    await userEvent.click(await screen.findByTestId("kertas-f4"));
    await userEvent.click(screen.getByTestId("simpan-kertas"));
    expect(persiapanApi.savePaper, "the chosen paper is saved").toHaveBeenCalledWith("f4");

    await fireEvent.input(await screen.findByTestId("klasifikasi-surat-balasan"), { target: { value: "000.8.3.3" } });
    await userEvent.click(screen.getByTestId("buat-pola"));
    expect(persiapanApi.savePatterns, "the proposals are sent with the kode klasifikasi").toHaveBeenCalledWith([
      { id: "surat-balasan", pattern: "{klasifikasi}/{urut:3}/{unit}/{bulan_romawi}/{tahun}", klasifikasi: "000.8.3.3", unit: "DKIS", kinds: ["surat_balasan"] },
    ]);

    await fireEvent.input(await screen.findByTestId("jumlah-vicon"), { target: { value: "2" } });
    await userEvent.click(screen.getByTestId("buat-sumber-daya"));
    expect(persiapanApi.saveResources, "the confirmed quantity is sent").toHaveBeenCalledWith([
      expect.objectContaining({ id: "vicon", kind: "peralatan", quantity: 2, unit_id: "pelaksana-tik" }),
    ]);
    await userEvent.click(screen.getByTestId("selesai-persiapan"));
    expect(onFinish, "the checklist can be left at any time").toHaveBeenCalled();
  });

  it("tells Kotak Masuk what is still missing, with the way back for an administrator", async () => {
    persiapanApi.readiness.mockResolvedValue(readiness(["pejabat", "kertas"]));
    render(KesiapanKantor, { admin: true });
    const box = await screen.findByTestId("kesiapan-kantor");
    expect(box.textContent, "the missing steps are counted").toContain("3 langkah");
    expect(screen.queryByTestId("kurang-pejabat"), "a done step is not listed").toBeNull();
    expect(screen.getByTestId("kurang-penomoran").textContent, "a step that holds letters back says so").toContain(
      "surat tertahan",
    );
    expect(screen.getByTestId("lanjutkan-persiapan"), "an administrator gets the way to the checklist").toBeTruthy();
  });

  it("shows nothing on Kotak Masuk once every step is done", async () => {
    persiapanApi.readiness.mockResolvedValue(readiness(["pejabat", "lambang", "kertas", "penomoran", "sumber_daya"]));
    render(KesiapanKantor, { admin: false });
    await waitFor(() => expect(persiapanApi.readiness).toHaveBeenCalled());
    expect(screen.queryByTestId("kesiapan-kantor"), "a ready office is not nagged").toBeNull();
  });
});
