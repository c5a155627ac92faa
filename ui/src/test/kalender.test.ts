import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { copyWeek, kindColour, movedHeadline, savedWhat } from "../lib/kalender";
import type { CalendarPage } from "../lib/types/CalendarPage";
import type { CalendarSaved } from "../lib/types/CalendarSaved";
import type { DayForm } from "../lib/types/DayForm";

const kalenderApi = vi.hoisted(() => ({
  page: vi.fn(),
  setHours: vi.fn(),
  addVariant: vi.fn(),
  removeVariant: vi.fn(),
  addClosure: vi.fn(),
  removeClosure: vi.fn(),
  addHoliday: vi.fn(),
  removeHoliday: vi.fn(),
}));
const router = vi.hoisted(() => ({ go: vi.fn(), router: { page: { section: "pengaturan", view: "kalender" } } }));
vi.mock("../lib/kalender-api", () => ({ kalenderApi }));
vi.mock("../lib/router.svelte", () => router);

import Kalender from "../pages/kalender/Kalender.svelte";

const day = (name: string, open = "08:00", close = "15:45"): DayForm => ({
  day: name,
  closed: false,
  open,
  close,
  break_from: "12:00",
  break_to: "13:00",
  more_breaks: "",
});
const closedDay = (name: string): DayForm => ({ day: name, closed: true, open: "", close: "", break_from: "", break_to: "", more_breaks: "" });
const week: DayForm[] = [
  day("Senin"),
  day("Selasa"),
  day("Rabu"),
  day("Kamis"),
  { ...day("Jumat", "08:00", "11:00"), break_from: "", break_to: "" },
  closedDay("Sabtu"),
  closedDay("Minggu"),
];

function calendar(canEdit: boolean, extra: Partial<CalendarPage> = {}): CalendarPage {
  return {
    can_edit: canEdit,
    time_zone: "WIB",
    hours_set_by_admin: false,
    hours_words: ["Senin–Kamis 08.00–15.45 (istirahat 12.00–13.00)", "Jumat 08.00–11.00"],
    week: copyWeek(week),
    variants: [],
    closures: [],
    year: 2026,
    years: [2024, 2025, 2026, 2027],
    year_source: "bawaan Loket",
    holidays: [
      { date: "2026-01-01", date_words: "Kamis, 1 Januari 2026", name: "Tahun Baru 2026 Masehi", kind: "libur_nasional", kind_label: "Libur nasional" },
      { date: "2026-03-18", date_words: "Rabu, 18 Maret 2026", name: "Cuti Bersama Nyepi", kind: "cuti_bersama", kind_label: "Cuti bersama" },
    ],
    history: [],
    ...extra,
  };
}

const moved: CalendarSaved = {
  message: "Penutupan kantor 3 Maret 2026 tersimpan. Tenggat 1 permohonan terbuka bergeser.",
  moved: [
    {
      case_id: 12,
      agenda: "7/2026",
      hal: "Permohonan salinan dokumen anggaran",
      before: "2026-03-16T15:45:00+07:00",
      after: "2026-03-17T15:45:00+07:00",
      before_words: "Senin, 16 Maret 2026 pukul 15.45 WIB",
      after_words: "Selasa, 17 Maret 2026 pukul 15.45 WIB",
    },
  ],
};

describe("kalender helpers", () => {
  it("words the moved count and colours the kinds", () => {
    expect(movedHeadline(moved), "one moved case is counted").toBe("Tenggat 1 permohonan terbuka bergeser");
    expect(movedHeadline({ message: "x", moved: [] }), "none moved is said plainly").toContain("Tidak ada");
    expect(savedWhat(moved), "the saved part is kept apart from the count").toBe("Penutupan kantor 3 Maret 2026 tersimpan.");
    expect(kindColour("cuti_bersama"), "cuti bersama is yellow").toBe("kuning");
    const copy = copyWeek(week);
    copy[0].open = "07:00";
    expect(week[0].open, "a copy does not edit the original").toBe("08:00");
  });
});

describe("Pengaturan → Hari & Jam Kerja", () => {
  beforeEach(() => {
    Object.values(kalenderApi).forEach((f) => f.mockReset());
    router.go.mockReset();
  });

  it("shows the calendar read-only to staff", async () => {
    kalenderApi.page.mockResolvedValue(calendar(false));
    render(Kalender, { admin: false });
    expect((await screen.findByTestId("zona-waktu")).textContent, "the time zone is shown").toBe("WIB");
    expect(screen.getByText(/Hanya administrator yang dapat mengubahnya/), "staff are told why they cannot edit").toBeTruthy();
    expect(screen.queryByTestId("simpan-jam"), "no save button for staff").toBeNull();
    expect(screen.queryByTestId("form-tutup"), "no closure form for staff").toBeNull();
    expect(screen.queryByTestId("hapus-libur"), "no remove button for staff").toBeNull();
    expect((screen.getByTestId("jam-buka-0") as HTMLInputElement).disabled, "the hours are read-only").toBe(true);
    const rows = screen.getAllByTestId("libur-baris");
    expect(rows[1].textContent, "holidays show the Indonesian date and the kind badge").toContain("Rabu, 18 Maret 2026");
    expect(rows[1].querySelector(".lencana.kuning")?.textContent, "cuti bersama has its badge").toBe("Cuti bersama");
  });

  it("adds a closure and shows which open deadlines moved, linking to the case", async () => {
    kalenderApi.page.mockResolvedValue(calendar(true));
    kalenderApi.addClosure.mockResolvedValue(moved);
    render(Kalender, { admin: true });
    await userEvent.type(await screen.findByTestId("tutup-tanggal"), "03/03/2026");
    await userEvent.type(screen.getByTestId("tutup-alasan"), "Pindah gedung{Enter}");
    await waitFor(() =>
      expect(kalenderApi.addClosure, "Enter submits the closure").toHaveBeenCalledWith("03/03/2026", "Pindah gedung"),
    );
    const notice = await screen.findByTestId("tenggat-bergeser");
    expect(notice.textContent, "the count is shown").toContain("Tenggat 1 permohonan terbuka bergeser");
    expect(notice.textContent, "the new due is shown").toContain("Selasa, 17 Maret 2026 pukul 15.45 WIB");
    await userEvent.click(screen.getByRole("button", { name: "7/2026" }));
    expect(router.go, "the agenda number opens the case").toHaveBeenCalledWith({ section: "permohonan", id: "12" });
    expect(kalenderApi.page, "the page reloads after the change").toHaveBeenCalledTimes(2);
  });

  it("removes a holiday only after confirmation, and Esc cancels", async () => {
    kalenderApi.page.mockResolvedValue(calendar(true));
    kalenderApi.removeHoliday.mockResolvedValue({ message: "Hari libur 18 Maret 2026 dihapus. Tidak ada tenggat permohonan terbuka yang bergeser.", moved: [] });
    render(Kalender, { admin: true });
    const buttons = await screen.findAllByTestId("hapus-libur");
    await userEvent.click(buttons[1]);
    expect(screen.getByRole("group", { name: /Konfirmasi hapus cuti bersama Rabu, 18 Maret 2026/ }), "a confirmation is asked").toBeTruthy();
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByTestId("yakin-libur"), "Esc cancels the confirmation").toBeNull();
    expect(kalenderApi.removeHoliday, "nothing removed without confirming").not.toHaveBeenCalled();
    await userEvent.click(screen.getAllByTestId("hapus-libur")[1]);
    await userEvent.click(screen.getByTestId("yakin-libur"));
    expect(kalenderApi.removeHoliday, "the confirmed day is removed").toHaveBeenCalledWith("2026-03-18", "Cuti Bersama Nyepi");
    expect((await screen.findByTestId("tenggat-bergeser")).textContent, "no moved deadline is said").toContain("Tidak ada tenggat");
  });

  it("shows a refused hours change in Indonesian and sends the edited week", async () => {
    kalenderApi.page.mockResolvedValue(calendar(true));
    kalenderApi.setHours.mockRejectedValue({ code: "bad_input", message: "jam kerja belum benar: Senin: jam buka 16:00 harus sebelum jam tutup 15:45" });
    render(Kalender, { admin: true });
    await fireEvent.input(await screen.findByTestId("jam-buka-0"), { target: { value: "16:00" } });
    await userEvent.click(screen.getByTestId("simpan-jam"));
    expect((await screen.findByTestId("galat")).textContent, "the refusal names the day").toContain("Senin: jam buka 16:00");
    const sent = kalenderApi.setHours.mock.calls[0][0] as DayForm[];
    expect(sent[0].open, "the edited Monday is sent").toBe("16:00");
    expect(sent[5].closed, "Saturday stays closed").toBe(true);
  });

  it("lists the history in words", async () => {
    kalenderApi.page.mockResolvedValue(
      calendar(true, {
        history: [{ at_words: "2 Maret 2026 pukul 09.00", actor: "Admin Loket", summary: "Menambah cuti bersama 3 Maret 2026: Cuti Bersama" }],
      }),
    );
    render(Kalender, { admin: true });
    expect((await screen.findByTestId("riwayat")).textContent, "who and what is shown").toContain("Admin Loket");
  });
});
