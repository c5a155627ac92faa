import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { lineChanges, lineRange, previewKind, sortTemplates, templateLabel } from "../lib/templat";
import type { LetterKindView } from "../lib/types/LetterKindView";
import type { TemplateView } from "../lib/types/TemplateView";

const templatApi = vi.hoisted(() => ({
  list: vi.fn(),
  text: vi.fn(),
  shipped: vi.fn(),
  preview: vi.fn(),
  save: vi.fn(),
  reset: vi.fn(),
}));
const suratApi = vi.hoisted(() => ({ kinds: vi.fn() }));
vi.mock("../lib/templat-api", () => ({ templatApi }));
vi.mock("../lib/surat-api", () => ({ suratApi }));

import Templates from "../pages/templat/Templates.svelte";

const kinds: LetterKindView[] = [
  { id: "surat_balasan", label: "Surat Balasan", layout: "korespondensi", fields: [] },
  { id: "penolakan", label: "Surat Penolakan / Pengembalian Berkas", layout: "korespondensi", fields: [] },
];
const view = (file: string, kinds: string[], edited = false): TemplateView => ({
  file,
  edited,
  updated_at: edited ? "2026-03-03T09:00:00+07:00" : null,
  updated_by: edited ? "admin" : null,
  kinds,
});
const naskah = view("naskah.typ", []);
const penolakan = view("penolakan.typ", ["penolakan"]);
const balasan = view("surat_balasan.typ", ["surat_balasan"]);
const SHIPPED = '#import "naskah.typ": *\n#korespondensi(d)[\n  Demikian kami sampaikan.\n]\n';

describe("templat helpers", () => {
  it("selects whole lines by their 1-based number", () => {
    const text = "satu\ndua\ntiga";
    expect(lineRange(text, 2), "line 2 is 'dua'").toEqual([5, 8]);
    expect(text.slice(...lineRange(text, 3)), "the last line runs to the end").toBe("tiga");
    expect(text.slice(...lineRange(text, 9)), "a line past the end selects the last line").toBe("tiga");
  });

  it("counts lines added and removed against the shipped text, not shifted lines", () => {
    expect(lineChanges("a\nx\nb\nc", "a\nb\nc"), "one inserted line shifts the rest but only it counts").toEqual({
      added: 1,
      removed: 0,
    });
    expect(lineChanges("a\nB\nc", "a\nb\nc"), "a changed line is one added and one removed").toEqual({
      added: 1,
      removed: 1,
    });
  });

  it("names files in words and previews a shared file on the plainest letter", () => {
    expect(templateLabel(penolakan, kinds), "a kind's file is named by its kind").toBe(
      "Surat Penolakan / Pengembalian Berkas",
    );
    expect(templateLabel(naskah, kinds), "the shared layout is explained").toContain("Tata letak bersama");
    expect(previewKind(penolakan, kinds), "a kind's file previews its own kind").toBe("penolakan");
    expect(previewKind(naskah, kinds), "the shared layout previews a surat balasan").toBe("surat_balasan");
    expect(
      sortTemplates([penolakan, balasan, naskah], kinds).map((t) => t.file),
      "shared files first, then by label",
    ).toEqual(["naskah.typ", "surat_balasan.typ", "penolakan.typ"]);
  });
});

describe("Pengaturan → Templat Surat", () => {
  beforeEach(() => {
    Object.values(templatApi).forEach((f) => f.mockReset());
    suratApi.kinds.mockResolvedValue(kinds);
    templatApi.list.mockResolvedValue([naskah, penolakan, balasan]);
    templatApi.text.mockResolvedValue(SHIPPED);
    templatApi.shipped.mockResolvedValue(SHIPPED);
    templatApi.preview.mockImplementation(async (_k: string, file: string, text: string) =>
      text.includes("#korespondensi(d)[")
        ? { pages: ["<svg><text>surat</text></svg>"], error: "", error_file: "", error_line: 0 }
        : {
            pages: [],
            error: `templat ${file} gagal dikompilasi pada baris 2: unclosed delimiter`,
            error_file: file,
            error_line: 2,
          },
    );
  });

  it("opens the first letter template with its sample previewed and nothing to save yet", async () => {
    render(Templates);
    expect((await screen.findByTestId("templat-terbuka")).textContent, "a kind's template opens, not the shared layout").toContain(
      "surat_balasan.typ",
    );
    await waitFor(() => expect(templatApi.preview, "the preview renders its own kind").toHaveBeenCalledWith(
      "surat_balasan",
      "surat_balasan.typ",
      SHIPPED,
    ));
    expect(await screen.findAllByTestId("halaman-pratinjau"), "one page of SVG is shown").toHaveLength(1);
    expect((screen.getByTestId("simpan-templat") as HTMLButtonElement).disabled, "an unchanged template cannot be saved").toBe(true);
    expect((screen.getByTestId("versi-templat")).textContent, "the shipped version is named").toContain("Versi bawaan");
  });

  it("shows the compile error with its line while typing and jumps to it", async () => {
    render(Templates);
    const area = (await screen.findByTestId("teks-templat")) as HTMLTextAreaElement;
    await fireEvent.input(area, { target: { value: SHIPPED.replace("#korespondensi(d)[", "#korespondensi(d") } });
    expect((await screen.findByTestId("galat-pratinjau", {}, { timeout: 2000 })).textContent, "the Typst message is shown").toContain(
      "baris 2",
    );
    expect((screen.getByTestId("baris-galat")).textContent, "the gutter marks the failing line").toContain("2");
    await userEvent.click(screen.getByTestId("ke-baris-pratinjau"));
    expect(area.value.slice(area.selectionStart, area.selectionEnd), "the failing line is selected").toBe("#korespondensi(d");
  });

  it("saves an edit, and a refused save keeps the text and names the line", async () => {
    render(Templates);
    const area = await screen.findByTestId("teks-templat");
    const edited = SHIPPED.replace("sampaikan.", "sampaikan dengan hormat.");
    await fireEvent.input(area, { target: { value: edited } });
    templatApi.save.mockRejectedValueOnce({
      code: "bad_input",
      message: "templat tidak disimpan, versi sebelumnya tetap dipakai: templat surat_balasan.typ gagal dikompilasi pada baris 3: x",
    });
    await userEvent.click(screen.getByTestId("simpan-templat"));
    expect(await screen.findByText(/templat tidak disimpan, versi sebelumnya tetap dipakai/), "the refusal is shown").toBeTruthy();
    expect((screen.getByTestId("ke-baris")).textContent, "the refused line can be reached").toContain("Ke baris 3");
    expect((area as HTMLTextAreaElement).value, "the typed text is kept to fix it").toBe(edited);

    templatApi.save.mockResolvedValueOnce(view("surat_balasan.typ", ["surat_balasan"], true));
    await userEvent.click(screen.getByTestId("simpan-templat"));
    expect((await screen.findByTestId("pesan-templat")).textContent, "saving is confirmed").toContain("berlaku untuk surat berikutnya");
    expect(templatApi.save, "the edited text is sent").toHaveBeenLastCalledWith("surat_balasan.typ", edited);
    expect((screen.getByTestId("simpan-templat") as HTMLButtonElement).disabled, "nothing left to save").toBe(true);
    const option = screen.getByRole("option", { name: /surat_balasan\.typ/ });
    expect(option.textContent, "the file choice marks the office's copy").toContain("diubah kantor");
  });

  it("resets to the shipped version only after confirmation", async () => {
    templatApi.list.mockResolvedValue([naskah, penolakan, view("surat_balasan.typ", ["surat_balasan"], true)]);
    templatApi.text.mockResolvedValue(SHIPPED.replace("sampaikan.", "sampaikan dengan hormat."));
    templatApi.reset.mockResolvedValue(true);
    render(Templates);
    await userEvent.click(await screen.findByTestId("kembali-bawaan"));
    expect(templatApi.reset, "the first click only asks").not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId("yakin-bawaan"));
    expect(templatApi.reset, "confirmed reset calls the API").toHaveBeenCalledWith("surat_balasan.typ");
    expect(((await screen.findByTestId("teks-templat")) as HTMLTextAreaElement).value, "the shipped text is shown").toBe(SHIPPED);
    expect((screen.getByTestId("versi-templat")).textContent, "the version says shipped again").toContain("Versi bawaan");
  });

  it("asks before leaving a template with unsaved changes", async () => {
    render(Templates);
    const area = await screen.findByTestId("teks-templat");
    await fireEvent.input(area, { target: { value: SHIPPED + "// catatan\n" } });
    await userEvent.selectOptions(screen.getByTestId("pilih-templat"), "penolakan.typ");
    expect(await screen.findByTestId("belum-disimpan"), "unsaved changes are not thrown away silently").toBeTruthy();
    expect((screen.getByTestId("templat-terbuka")).textContent, "still on the edited file").toContain("surat_balasan.typ");
    expect((screen.getByTestId("pilih-templat") as HTMLSelectElement).value, "the choice shows the open file").toBe(
      "surat_balasan.typ",
    );
    await userEvent.click(screen.getByText(/Buang perubahan dan buka penolakan.typ/));
    expect((await screen.findByTestId("templat-terbuka")).textContent, "the other file opens after confirming").toContain(
      "penolakan.typ",
    );
  });
});
