import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Evaluation } from "../lib/types/Evaluation";
import type { EvaluationRow } from "../lib/types/EvaluationRow";
import type { Questionnaire } from "../lib/types/Questionnaire";

const skmApi = vi.hoisted(() => ({
  questionnaire: vi.fn(),
  record: vi.fn(),
  evaluation: vi.fn(),
  exportXlsx: vi.fn(),
  questionnairePdf: vi.fn(),
  exportPdf: vi.fn(),
}));
vi.mock("../lib/skm-api.svelte", async (original) => ({
  ...(await original<typeof import("../lib/skm-api.svelte")>()),
  skmApi,
}));
const api = vi.hoisted(() => ({ signIn: vi.fn() }));
vi.mock("../lib/api", async (original) => ({
  ...(await original<typeof import("../lib/api")>()),
  api,
}));

import { angka, bars, counter, linePoints, startCounter } from "../lib/skm-api.svelte";
import Counter from "../pages/skm/Counter.svelte";
import Evaluasi from "../pages/skm/Evaluasi.svelte";
import Skm from "../pages/skm/Skm.svelte";

const questionnaire: Questionnaire = {
  questions: Array.from({ length: 9 }, (_, i) => ({
    code: `U${i + 1}`,
    label: `Unsur ${i + 1}`,
    question: `Pertanyaan nomor ${i + 1}?`,
    answers: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
  })),
  sexes: [
    { code: "L", label: "Laki-laki" },
    { code: "P", label: "Perempuan" },
  ],
  educations: [{ code: "s1", label: "D4/S1" }],
  occupations: [{ code: "pns", label: "PNS" }],
  services: [{ code: "ppid-permohonan-informasi", label: "Permohonan informasi publik" }],
};

describe("chart geometry", () => {
  it("scales bars between the minimum and the maximum", () => {
    const b = bars(
      [
        { label: "a", value: 25 },
        { label: "b", value: 62.5 },
        { label: "c", value: 100 },
      ],
      25,
      100,
      300,
      30,
    );
    expect(b.map((x) => x.width), "25 is empty, 62,5 half, 100 full").toEqual([0, 150, 300]);
    expect(b[2].y, "each bar has its own row").toBe(60);
  });
  it("leaves quarters without respondents out of the line", () => {
    const p = linePoints([100, null, 25], 200, 100);
    expect(p.map((x) => [x.x, x.y]), "100 at the top, 25 at the bottom").toEqual([
      [0, 0],
      [200, 100],
    ]);
  });
  it("writes numbers the Indonesian way", () => {
    expect(angka(82.64), "decimal comma").toBe("82,64");
    expect(angka(null), "no value").toBe("—");
  });
});

describe("counter mode", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    skmApi.questionnaire.mockResolvedValue(questionnaire);
    skmApi.record.mockResolvedValue({ id: 1 });
    startCounter("petugas");
  });

  it("takes one respondent and returns to the start screen", async () => {
    const user = userEvent.setup();
    render(Counter, { thanksMs: 20 });
    await user.click(await screen.findByTestId("mulai-survei"));
    await user.selectOptions(screen.getByTestId("loket-layanan"), "ppid-permohonan-informasi");
    await user.type(screen.getByTestId("loket-umur"), "34");
    await user.click(screen.getByTestId("loket-jk-P"));
    await user.selectOptions(screen.getByTestId("loket-pendidikan"), "s1");
    await user.selectOptions(screen.getByTestId("loket-pekerjaan"), "pns");
    await user.click(screen.getByTestId("loket-lanjut"));
    for (const key of ["4", "3", "4", "4", "3", "3", "4", "2"]) await user.keyboard(key);
    await user.click(screen.getByTestId("loket-jawab-3"));
    await user.click(screen.getByTestId("loket-kirim"));
    expect(skmApi.record, "the answers go to skm.record as the counter screen's").toHaveBeenCalledWith(
      expect.objectContaining({ answers: "434433423", source: "layar", case_id: null, age: 34, sex: "P" }),
    );
    expect(await screen.findByTestId("layar-terima-kasih"), "the respondent is thanked").toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("layar-mulai"), "then the start screen is back").toBeTruthy());
  });

  it("is left only with the staff member's password", async () => {
    const user = userEvent.setup();
    api.signIn.mockRejectedValueOnce({ code: "unauthorised", message: "kata sandi salah" });
    api.signIn.mockResolvedValueOnce({ id: "petugas" });
    const onExit = vi.fn();
    render(Counter, { onExit });
    await user.click(screen.getByTestId("keluar-mode-loket"));
    await user.type(screen.getByTestId("sandi-keluar-loket"), "salah");
    await user.click(screen.getByTestId("konfirmasi-keluar-loket"));
    expect(await screen.findByText("kata sandi salah"), "a wrong password keeps the lock").toBeTruthy();
    expect(counter.on, "still in counter mode").toBe(true);
    await user.clear(screen.getByTestId("sandi-keluar-loket"));
    await user.type(screen.getByTestId("sandi-keluar-loket"), "benar");
    await user.click(screen.getByTestId("konfirmasi-keluar-loket"));
    await waitFor(() => expect(onExit, "the window returns to Loket").toHaveBeenCalled());
    expect(api.signIn, "the staff member signs in again").toHaveBeenLastCalledWith("petugas", "benar");
    expect(counter.on, "counter mode is over").toBe(false);
  });
});

function line(key: string, label: string, ikm: number | null, onTime: number | null): EvaluationRow {
  return {
    key,
    label,
    skm: {
      respondents: ikm === null ? 0 : 4,
      walk_in: 2,
      population: 3,
      minimum_sample: 3,
      sample_met: true,
      elements:
        ikm === null
          ? []
          : ["U1", "U2"].map((code, i) => ({ code, label: `Unsur ${i + 1}`, nrr: 3.5 - i, weighted: 0.389, converted: 87.5 - 25 * i, grade: i ? "D" : "B" })),
      index: ikm === null ? null : ikm / 25,
      ikm,
      grade: ikm === null ? null : "B",
      grade_words: ikm === null ? null : "Baik",
    },
    time: {
      key,
      label,
      received: 4,
      completed: 3,
      on_time: 2,
      late: 1,
      without_deadline: 0,
      on_time_percent: onTime,
      returned: 0,
      rejected: 0,
      open: 1,
      open_overdue: 0,
      median_days: 2,
      mean_days: 7.3,
    },
    complaints: { received: 2, pengaduan: 1, saran: 1, masukan: 0, answered_in_time: 1, answered_late: 0, waiting: 0, overdue: 1, in_time_percent: 50 },
  };
}

describe("evaluation page", () => {
  it("shows the IKM, its grade, the element bars, the trend and the on-time share", async () => {
    const e: Evaluation = {
      period: "2026-T1",
      period_label: "Triwulan I 2026",
      from: "2026-01-01",
      to: "2026-03-31",
      period_words: "1 Januari 2026 s.d. 31 Maret 2026",
      now_words: "",
      office_name: "Dinas Komunikasi dan Informatika",
      office: line("kantor", "Seluruh layanan", 82.64, 66.7),
      units: [],
      services: [line("ppid", "Permohonan informasi publik", 82.41, 66.7)],
      trend: [{ period: "2026-T1", label: "Triwulan I", respondents: 4, ikm: 82.64, grade: "B" }],
      priorities: [{ code: "U2", label: "Unsur 2", nrr: 2.5, weighted: 0.278, converted: 62.5, grade: "D" }],
      profile: [],
      suggestions: ["Ruang tunggu diberi kipas angin"],
    };
    skmApi.evaluation.mockResolvedValue(e);
    render(Evaluasi, { today: new Date(2026, 2, 15) });
    expect((await screen.findByTestId("nilai-ikm")).textContent, "the IKM in Indonesian notation").toBe("82,64");
    expect(skmApi.evaluation, "the current quarter is asked for").toHaveBeenCalledWith("2026-T1");
    expect(screen.getByTestId("mutu-ikm").textContent, "with its grade").toContain("B · Baik");
    const bar = screen.getByTestId("grafik-unsur").querySelectorAll("rect");
    expect(bar.length, "one bar per element").toBe(2);
    expect(screen.getByTestId("grafik-tren").querySelectorAll("circle").length, "one point per quarter with respondents").toBe(1);
    expect(screen.getByTestId("grafik-tepat-waktu").textContent, "on-time share per service").toContain("66,7%");
    expect(screen.getByTestId("prioritas").textContent, "the lowest element is the priority").toContain("U2");
  });
});

describe("evaluation workbook", () => {
  it("is saved for the chosen period and its place shown", async () => {
    const user = userEvent.setup();
    skmApi.evaluation.mockRejectedValue({ code: "not_found", message: "x" });
    skmApi.exportXlsx.mockResolvedValue("/data/keluaran/evaluasi-2026-T1.xlsx");
    render(Evaluasi, { today: new Date(2026, 1, 1) });
    await user.click(screen.getByTestId("unduh-excel-evaluasi"));
    expect(
      (await screen.findByTestId("evaluasi-tersimpan")).textContent,
      "the saved workbook's place is shown",
    ).toContain("evaluasi-2026-T1.xlsx");
  });
});

describe("printable questionnaire", () => {
  it("is saved in keluaran/ and its place shown", async () => {
    const user = userEvent.setup();
    skmApi.evaluation.mockRejectedValue({ code: "not_found", message: "x" });
    skmApi.questionnairePdf.mockResolvedValue("/data/keluaran/kuesioner-skm.pdf");
    render(Skm, { login: "petugas", canEnter: true, today: new Date(2026, 1, 1) });
    await user.click(screen.getByTestId("cetak-kuesioner"));
    expect(skmApi.questionnairePdf, "the blank questionnaire is asked for").toHaveBeenCalledWith();
    expect(
      (await screen.findByTestId("kuesioner-tersimpan")).textContent,
      "the saved questionnaire's place is shown",
    ).toContain("kuesioner-skm.pdf");
  });

  it("is not offered to an account that cannot enter questionnaires", () => {
    skmApi.evaluation.mockRejectedValue({ code: "not_found", message: "x" });
    render(Skm, { login: "tamu", canEnter: false, today: new Date(2026, 1, 1) });
    expect(screen.queryByTestId("cetak-kuesioner"), "printing sits with the entry tools").toBeNull();
  });
});

describe("evaluation report as PDF", () => {
  it("is saved for the chosen period and its place shown", async () => {
    const user = userEvent.setup();
    skmApi.evaluation.mockRejectedValue({ code: "not_found", message: "x" });
    skmApi.exportPdf.mockResolvedValue("/data/keluaran/evaluasi-2026-T1.pdf");
    render(Evaluasi, { today: new Date(2026, 1, 1) });
    await user.click(screen.getByTestId("unduh-pdf-evaluasi"));
    expect(skmApi.exportPdf, "the report of the chosen quarter is made").toHaveBeenCalledWith("2026-T1");
    expect(
      (await screen.findByTestId("evaluasi-tersimpan")).textContent,
      "the saved report's place is shown",
    ).toContain("evaluasi-2026-T1.pdf");
  });
});
