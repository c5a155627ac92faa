import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { blackoutsOn, bookingsOn, segmentsOn, step, viewRange } from "../lib/jadwal";
import type { BlackoutView } from "../lib/types/BlackoutView";
import type { BookingView } from "../lib/types/BookingView";
import type { ResourceView } from "../lib/types/ResourceView";

const jadwalApi = vi.hoisted(() => ({
  resources: vi.fn(),
  submit: vi.fn(),
  freeSlots: vi.fn(),
  blackouts: vi.fn(),
  addBlackout: vi.fn(),
  removeBlackout: vi.fn(),
  show: vi.fn(),
  history: vi.fn(),
  operators: vi.fn(),
  approve: vi.fn(),
  receiptDraft: vi.fn(),
}));
vi.mock("../lib/jadwal-api", () => ({ jadwalApi }));
const router = vi.hoisted(() => ({ go: vi.fn(), router: { page: { section: "jadwal" } } }));
vi.mock("../lib/router.svelte", () => router);

import Blackouts from "../pages/jadwal/Blackouts.svelte";
import BookingForm from "../pages/jadwal/BookingForm.svelte";
import BookingPage from "../pages/jadwal/BookingPage.svelte";
import TimeGrid from "../pages/jadwal/TimeGrid.svelte";

const resources: ResourceView[] = [
  {
    id: "command-center",
    name: "Command Center",
    kind: "ruang",
    kind_label: "Ruang",
    quantity: 1,
    setup_minutes: 30,
    teardown_minutes: 60,
    unit_id: "tim-spa",
    unit_name: "Tim SPA",
    operators_needed: 0,
    skill: null,
  },
  {
    id: "vicon",
    name: "Perangkat video conference",
    kind: "peralatan",
    kind_label: "Peralatan",
    quantity: 2,
    setup_minutes: 15,
    teardown_minutes: 15,
    unit_id: null,
    unit_name: null,
    operators_needed: 1,
    skill: "operator_vicon",
  },
];

function booking(start: string, end: string, held = ["command-center"]): BookingView {
  return {
    id: 7,
    title: "Siaran malam",
    case_id: null,
    location: "Command Center",
    outside_office: false,
    outside_hours: true,
    start,
    end,
    when_words: "",
    status: "disetujui",
    status_label: "Disetujui",
    series_id: null,
    rundown: "",
    requested_by: "Bappeda",
    requested_by_name: "Bappeda",
    approved_by: null,
    approved_by_name: null,
    cancel_reason: null,
    approver: "Ketua Tim Sistem dan Program Aplikasi",
    can_approve: false,
    resources: held.map((id) => ({ id, name: id, quantity: 1 })),
    operators: [],
    handovers: [],
  };
}

describe("penempatan di kalender", () => {
  it("cuts a booking across midnight into two days, with its buffers", () => {
    const b = booking("2026-03-05T22:00:00+07:00", "2026-03-06T02:00:00+07:00");
    expect(segmentsOn(b, "2026-03-05", resources), "Thursday: setup 21.30, event to midnight").toEqual([
      { from: 21 * 60 + 30, to: 22 * 60, kind: "persiapan" },
      { from: 22 * 60, to: 1440, kind: "acara" },
    ]);
    expect(segmentsOn(b, "2026-03-06", resources), "Friday: event to 02.00, teardown an hour").toEqual([
      { from: 0, to: 120, kind: "acara" },
      { from: 120, to: 180, kind: "pengemasan" },
    ]);
    expect(
      bookingsOn([b], "2026-03-06").map((x) => x.id),
      "the booking is listed on both days it touches",
    ).toEqual([7]);
    expect(bookingsOn([b], "2026-03-07"), "not on the day after").toEqual([]);
  });

  it("uses the longest buffer of the booked resources", () => {
    const b = booking("2026-03-05T09:00:00+07:00", "2026-03-05T10:00:00+07:00", ["vicon"]);
    expect(
      segmentsOn(b, "2026-03-05", resources).map((s) => [s.kind, s.from, s.to]),
      "vicon alone has 15-minute buffers",
    ).toEqual([
      ["persiapan", 525, 540],
      ["acara", 540, 600],
      ["pengemasan", 600, 615],
    ]);
  });

  it("reads the wall clock of the office, not of the computer", () => {
    const b = booking("2026-03-05T09:00:00+08:00", "2026-03-05T10:00:00+08:00", []);
    expect(segmentsOn(b, "2026-03-05", [])[0].from, "09.00 WITA sits at 09.00").toBe(540);
  });

  it("frames weeks from Monday and months in whole weeks", () => {
    expect(viewRange("minggu", "2026-03-05"), "Thursday's week").toEqual({
      from: "2026-03-02",
      to: "2026-03-08",
    });
    expect(viewRange("bulan", "2026-03-17"), "March 2026 from Mon 23 Feb to Sun 5 Apr").toEqual({
      from: "2026-02-23",
      to: "2026-04-05",
    });
    expect(step("bulan", "2026-12-10", 1), "December steps to January").toBe("2027-01-01");
    expect(step("minggu", "2026-03-05", -1), "a week back").toBe("2026-02-26");
  });
});

describe("formulir pemesanan", () => {
  beforeEach(() => {
    jadwalApi.resources.mockReset().mockResolvedValue(resources);
    jadwalApi.submit.mockReset();
    jadwalApi.freeSlots.mockReset();
    router.go.mockReset();
  });

  it("books the chosen resources for the case and opens the booking", async () => {
    const user = userEvent.setup();
    jadwalApi.submit.mockResolvedValue({ booking: booking("2026-03-05T09:00:00+07:00", "2026-03-05T12:00:00+07:00"), series: null });
    render(BookingForm, { caseId: 12 });
    expect(document.activeElement, "the title has focus on open").toBe(screen.getByTestId("judul"));
    await user.keyboard("Video conference Musrenbang");
    await screen.findByTestId("jumlah-vicon");
    await user.clear(screen.getByTestId("jumlah-vicon"));
    await user.type(screen.getByTestId("jumlah-vicon"), "1");
    await user.clear(screen.getByTestId("tanggal"));
    await user.type(screen.getByTestId("tanggal"), "2026-03-05");
    await user.click(screen.getByTestId("simpan-pemesanan"));
    const sent = jadwalApi.submit.mock.calls[0][0];
    expect(sent.case_id, "the case from the route is linked").toBe(12);
    expect(sent.resources, "only resources with a quantity are sent").toEqual([
      { resource_id: "vicon", quantity: 1 },
    ]);
    expect([sent.start, sent.end], "office-time stamps").toEqual(["2026-03-05T09:00", "2026-03-05T11:00"]);
    expect(sent.repeat_weekdays, "no recurrence unless asked").toEqual([]);
    expect(router.go, "the new booking's page opens").toHaveBeenCalledWith({ section: "jadwal", id: "7" });
  });

  it("shows the conflict and links to the colliding booking", async () => {
    const user = userEvent.setup();
    jadwalApi.submit.mockRejectedValue({
      code: "schedule_conflict",
      message: "Jadwal bentrok: Command Center: diminta 1, tersisa 0 — dipakai oleh pemesanan #3 \"Rapat\"",
    });
    render(BookingForm, {});
    await user.type(screen.getByTestId("judul"), "Rapat lain{Enter}");
    expect((await screen.findByTestId("galat")).textContent, "the API's words are shown").toContain("#3");
    await user.click(screen.getByTestId("buka-bentrok"));
    expect(router.go, "the link opens booking 3").toHaveBeenCalledWith({ section: "jadwal", id: "3" });
  });

  it("lists free slots and fills the time from the one picked", async () => {
    const user = userEvent.setup();
    jadwalApi.freeSlots.mockResolvedValue([
      { start: "2026-03-06T13:00:00+07:00", end: "2026-03-06T15:00:00+07:00", when_words: "Jumat, 6 Maret 2026 13.00–15.00 WIB" },
    ]);
    render(BookingForm, {});
    await user.click(screen.getByTestId("cari-jadwal"));
    expect(jadwalApi.freeSlots.mock.calls[0][0].duration_minutes, "the form's two hours are searched").toBe(120);
    const slot = await screen.findByTestId("slot");
    await user.click(slot.querySelector("button")!);
    expect((screen.getByTestId("tanggal") as HTMLInputElement).value, "the date is taken").toBe("2026-03-06");
    expect((screen.getByTestId("mulai") as HTMLInputElement).value, "and the start").toBe("13:00");
  });
});

const maintenance: BlackoutView = {
  id: 4,
  resource_id: "command-center",
  resource_name: "Command Center",
  start: "2026-03-09T08:00:00+07:00",
  end: "2026-03-09T12:00:00+07:00",
  when_words: "Senin, 9 Maret 2026 08.00–12.00 WIB",
  reason: "Perawatan AC",
  bookings: [],
};
const closure: BlackoutView = {
  id: 5,
  resource_id: null,
  resource_name: "Semua sumber daya",
  start: "2026-03-10T16:00:00+07:00",
  end: "2026-03-12T00:00:00+07:00",
  when_words: "Selasa, 10 Maret 2026 16.00 WIB – Kamis, 12 Maret 2026 00.00 WIB",
  reason: "Pindah gedung",
  bookings: [{ id: 9, title: "Podcast mingguan", when_words: "Rabu, 11 Maret 2026 10.00–11.00 WIB" }],
};

describe("masa tutup", () => {
  beforeEach(() => {
    jadwalApi.blackouts.mockReset().mockResolvedValue([maintenance, closure]);
    jadwalApi.addBlackout.mockReset();
    jadwalApi.removeBlackout.mockReset().mockResolvedValue(undefined);
  });

  it("places a blackout on each day it touches, cut at midnight", () => {
    expect(
      blackoutsOn([maintenance, closure], "2026-03-10").map((p) => [p.blackout.id, p.from, p.to]),
      "Tuesday: the closure from 16.00 to midnight",
    ).toEqual([[5, 960, 1440]]);
    expect(
      blackoutsOn([maintenance, closure], "2026-03-11").map((p) => [p.from, p.to]),
      "Wednesday: the whole day",
    ).toEqual([[0, 1440]]);
    expect(blackoutsOn([maintenance, closure], "2026-03-12"), "ends at Thursday's midnight").toEqual([]);
  });

  it("shows a blackout as a band labelled with its reason in the week calendar", () => {
    render(TimeGrid, {
      range: {
        days: [
          { date: "2026-03-09", weekday: "Senin", open_minute: 450, close_minute: 960, hours_words: "07.30–16.00", day_off: null, holiday: false },
        ],
        bookings: [],
        blackouts: [maintenance],
        resources,
        zone_label: "WIB",
      },
    });
    const band = screen.getByTestId("pita-masa-tutup");
    expect(band.textContent, "the band names the reason and the resource").toContain("Tutup: Perawatan AC");
    expect(band.textContent, "and the resource").toContain("Command Center");
    expect(band.style.height, "four hours at 40 px an hour").toBe("160px");
  });

  it("lets an administrator add a blackout and remove one after confirming", async () => {
    const user = userEvent.setup();
    jadwalApi.addBlackout.mockResolvedValue(maintenance);
    render(Blackouts, { isAdmin: true, resources });
    const rows = await screen.findAllByTestId("baris-masa-tutup");
    expect(rows.map((r) => r.textContent), "upcoming blackouts in words").toEqual([
      expect.stringContaining("Senin, 9 Maret 2026 08.00–12.00 WIB"),
      expect.stringContaining("Semua sumber daya"),
    ]);
    await user.selectOptions(screen.getByTestId("mt-sumber-daya"), "command-center");
    await user.clear(screen.getByTestId("mt-tanggal"));
    await user.type(screen.getByTestId("mt-tanggal"), "2026-03-09");
    expect(
      (screen.getByTestId("mt-tanggal-selesai") as HTMLInputElement).value,
      "the end date follows the start date until changed",
    ).toBe("2026-03-09");
    await user.clear(screen.getByTestId("mt-selesai"));
    await user.type(screen.getByTestId("mt-selesai"), "12:00");
    await user.type(screen.getByTestId("mt-alasan"), "Perawatan AC{Enter}");
    expect(jadwalApi.addBlackout, "the form sends office-time stamps, ending the same day").toHaveBeenCalledWith({
      resource_id: "command-center",
      start: "2026-03-09T08:00",
      end: "2026-03-09T12:00",
      reason: "Perawatan AC",
    });
    expect((await screen.findByTestId("masa-tutup-tersimpan")).textContent, "the saved blackout is confirmed").toContain("Masa tutup Command Center");

    await user.click(screen.getAllByTestId("hapus-masa-tutup")[0]);
    expect(jadwalApi.removeBlackout, "nothing is removed before confirming").not.toHaveBeenCalled();
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("yakin-hapus-masa-tutup"), "Esc closes the confirmation").toBeNull();
    await user.click(screen.getAllByTestId("hapus-masa-tutup")[0]);
    await user.click(screen.getByTestId("yakin-hapus-masa-tutup"));
    expect(jadwalApi.removeBlackout, "the confirmed blackout is removed").toHaveBeenCalledWith(4);
  });

  it("shows the list read-only to those who are not administrators", async () => {
    render(Blackouts, { isAdmin: false, resources });
    expect(await screen.findAllByTestId("baris-masa-tutup"), "the list is readable").toHaveLength(2);
    const held = screen.getByTestId("masih-terjadwal");
    expect(held.textContent, "a booking still inside the closure is named").toContain("#9 Podcast mingguan");
    await userEvent.setup().click(held.querySelector("button")!);
    expect(router.go, "and opens its page to move or cancel it").toHaveBeenCalledWith({ section: "jadwal", id: "9" });
    expect(screen.queryByTestId("hapus-masa-tutup"), "no remove button").toBeNull();
    expect(screen.queryByTestId("formulir-masa-tutup"), "no add form").toBeNull();
  });
});

describe("persetujuan pemesanan", () => {
  const waiting = (can_approve: boolean): BookingView => ({
    ...booking("2026-03-05T09:00:00+07:00", "2026-03-05T10:00:00+07:00"),
    status: "diminta",
    status_label: "Diminta",
    can_approve,
  });
  beforeEach(() => {
    jadwalApi.history.mockReset().mockResolvedValue([]);
    jadwalApi.resources.mockReset().mockResolvedValue(resources);
    jadwalApi.operators.mockReset().mockResolvedValue([]);
  });
  const user = { id: "operator.cc", name: "Rudi", position_title: "Operator", roles: ["book"] };

  it("offers Setujui only to those who may approve", async () => {
    jadwalApi.show.mockReset().mockResolvedValue(waiting(true));
    render(BookingPage, { id: 7, user });
    expect(await screen.findByTestId("setujui"), "the approver sees the button").toBeTruthy();
    expect(screen.queryByTestId("menunggu-persetujuan"), "and no waiting note").toBeNull();
  });

  it("tells others whose approval the booking waits for", async () => {
    jadwalApi.show.mockReset().mockResolvedValue(waiting(false));
    render(BookingPage, { id: 7, user });
    expect(
      (await screen.findByTestId("menunggu-persetujuan")).textContent,
      "the waiting note names the post that approves",
    ).toBe("Menunggu persetujuan Ketua Tim Sistem dan Program Aplikasi");
    expect(screen.queryByTestId("setujui"), "no approve button for them").toBeNull();
  });
});

describe("surat bukti peminjaman bernomor", () => {
  beforeEach(() => {
    jadwalApi.history.mockReset().mockResolvedValue([]);
    jadwalApi.resources.mockReset().mockResolvedValue(resources);
    jadwalApi.operators.mockReset().mockResolvedValue([]);
    jadwalApi.show.mockReset().mockResolvedValue({
      ...booking("2026-03-05T09:00:00+07:00", "2026-03-05T10:00:00+07:00"),
      status: "disetujui",
      status_label: "Disetujui",
    });
    router.go.mockReset();
  });
  const user = { id: "admin", name: "Admin", position_title: null, roles: ["register", "book"] };

  it("starts a numbered draft from the borrower's data and opens it in Surat", async () => {
    jadwalApi.receiptDraft.mockReset().mockResolvedValue({ id: 41 });
    render(BookingPage, { id: 7, user });
    await userEvent.click(await screen.findByTestId("cetak-bukti"));
    await userEvent.type(screen.getByTestId("peminjam-nama"), "Ahmad Fauzi");
    await userEvent.type(screen.getByTestId("peminjam-jabatan"), "Kepala Bidang Perencanaan");
    await userEvent.click(screen.getByTestId("susun-bukti"));
    await waitFor(() =>
      expect(jadwalApi.receiptDraft, "the borrower goes with the draft").toHaveBeenCalledWith(7, {
        nama: "Ahmad Fauzi",
        jabatan: "Kepala Bidang Perencanaan",
        instansi: "",
        nip: "",
      }),
    );
    expect(router.go, "the new draft opens in the Surat section").toHaveBeenCalledWith({ section: "surat", id: "41" });
  });

  it("asks for the borrower before drafting", async () => {
    jadwalApi.receiptDraft.mockReset();
    render(BookingPage, { id: 7, user });
    await userEvent.click(await screen.findByTestId("cetak-bukti"));
    await userEvent.click(screen.getByTestId("susun-bukti"));
    expect(jadwalApi.receiptDraft, "an empty borrower is not sent").not.toHaveBeenCalled();
  });
});
