import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { bookingsOn, segmentsOn, step, viewRange } from "../lib/jadwal";
import type { BookingView } from "../lib/types/BookingView";
import type { ResourceView } from "../lib/types/ResourceView";

const jadwalApi = vi.hoisted(() => ({
  resources: vi.fn(),
  submit: vi.fn(),
  freeSlots: vi.fn(),
}));
vi.mock("../lib/jadwal-api", () => ({ jadwalApi }));
const router = vi.hoisted(() => ({ go: vi.fn(), router: { page: { section: "jadwal" } } }));
vi.mock("../lib/router.svelte", () => router);

import BookingForm from "../pages/jadwal/BookingForm.svelte";

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
