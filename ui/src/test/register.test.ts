import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { services } from "./fixtures";
import type { CaseView } from "../lib/types/CaseView";
import type { ServiceDetail } from "../lib/types/ServiceDetail";

const agendaApi = vi.hoisted(() => ({
  office: vi.fn(),
  services: vi.fn(),
  service: vi.fn(),
  applicants: vi.fn(),
  register: vi.fn(),
}));
vi.mock("../lib/agenda-api", () => ({ agendaApi, readFile: vi.fn() }));
const router = vi.hoisted(() => ({ go: vi.fn(), router: { page: { section: "permohonan" } } }));
vi.mock("../lib/router.svelte", () => router);

import RegisterForm from "../pages/RegisterForm.svelte";

const detail = {
  service: { requirements: ["Surat permohonan", "Fotokopi KTP", "Formulir permohonan"] },
} as unknown as ServiceDetail;

const saved = {
  id: 7,
  agenda_number: "0007/2026",
  hal: "Permohonan salinan DPA",
  applicant_name: "Siti Aminah",
  due_at: "2026-03-20T15:30:00+07:00",
} as unknown as CaseView;

async function chooseService(user: ReturnType<typeof userEvent.setup>) {
  await user.keyboard("informasi");
  await user.keyboard("{Enter}");
  await screen.findByTestId("persyaratan");
}

describe("formulir Catat Surat Masuk", () => {
  beforeEach(() => {
    localStorage.clear();
    Object.values(agendaApi).forEach((f) => f.mockReset());
    router.go.mockReset();
    agendaApi.services.mockResolvedValue(services);
    agendaApi.service.mockResolvedValue(detail);
    agendaApi.applicants.mockResolvedValue([]);
    agendaApi.office.mockResolvedValue({
      positions: [
        { id: "kadis", title: "Kepala Dinas", kind: "kepala_dinas", unit: null, reports_to: null },
        { id: "ppid-utama", title: "PPID Utama", kind: "ppid", unit: null, reports_to: null },
        { id: "staf", title: "Staf", kind: "staf", unit: null, reports_to: null },
      ],
    });
    agendaApi.register.mockResolvedValue(saved);
  });

  it("is filled and sent with the keyboard alone, then shows the agenda number", async () => {
    const user = userEvent.setup();
    render(RegisterForm, { userId: "siti" });
    await waitFor(() => expect(agendaApi.services).toHaveBeenCalled());
    expect(document.activeElement, "the service search has focus on open").toBe(
      screen.getByTestId("isian-layanan"),
    );
    await chooseService(user);
    expect(agendaApi.service, "Enter picks the highlighted service").toHaveBeenCalledWith("ppid");
    await user.selectOptions(screen.getByTestId("jenis-pemohon"), "Perorangan");
    await user.type(screen.getByTestId("nama-pemohon"), "Siti Aminah");
    await user.type(screen.getByTestId("pos-el"), "siti@example.id");
    await user.type(screen.getByTestId("nomor-surat"), "-");
    await user.type(screen.getByTestId("tanggal-surat"), "2026-03-02");
    await user.selectOptions(screen.getByTestId("tujuan"), "PPID Utama");
    expect(
      [...(screen.getByTestId("tujuan") as HTMLSelectElement).options].map((o) => o.text),
      "the letter goes to the head or an official, never to staff",
    ).toEqual(["Kepala Dinas", "PPID Utama"]);
    await user.type(screen.getByTestId("hal"), "Permohonan salinan DPA{Enter}");
    expect(agendaApi.register, "Enter in a field submits the form").toHaveBeenCalledTimes(1);
    const [form, files] = agendaApi.register.mock.calls[0];
    expect(form, "the typed fields are sent as the API reads them").toMatchObject({
      service_id: "ppid",
      applicant_kind: "Perorangan",
      applicant_name: "Siti Aminah",
      applicant_email: "siti@example.id",
      letter_number: "-",
      letter_date: "2026-03-02",
      hal: "Permohonan salinan DPA",
      addressed_to: "ppid-utama",
      sifat: "biasa",
      notes: "",
    });
    expect(form.received_at, "received defaults to now, to the minute").toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    expect(files, "no attachments chosen").toEqual([]);
    expect((await screen.findByTestId("nomor-agenda")).textContent, "the agenda number is shown").toBe(
      "0007/2026",
    );
    await user.keyboard("{Enter}");
    expect(router.go, "Enter on the focused button opens the case page").toHaveBeenCalledWith({
      section: "permohonan",
      id: "7",
    });
  });

  it("lists the service's requirements and notes the missing ones", async () => {
    const user = userEvent.setup();
    render(RegisterForm, { userId: "siti" });
    await waitFor(() => expect(agendaApi.services).toHaveBeenCalled());
    await chooseService(user);
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => b.checked), "all requirements start as present").toEqual([true, true, true]);
    expect(screen.queryByTestId("syarat-kurang"), "nothing missing yet").toBeNull();
    await user.click(screen.getByTestId("syarat-2"));
    expect(screen.getByTestId("syarat-kurang").textContent, "the missing item is named").toContain(
      "Fotokopi KTP",
    );
    await user.type(screen.getByTestId("hal"), "Permohonan informasi{Enter}");
    expect(agendaApi.register.mock.calls[0][0].notes, "the missing item goes into the notes").toBe(
      "Persyaratan belum ada: Fotokopi KTP",
    );
  });

  it("remembers the last applicant of this account for the next letter", async () => {
    const user = userEvent.setup();
    render(RegisterForm, { userId: "siti" });
    await waitFor(() => expect(agendaApi.services).toHaveBeenCalled());
    await chooseService(user);
    await user.type(screen.getByTestId("nama-pemohon"), "Dinas Pendidikan");
    await user.type(screen.getByTestId("telepon"), "0291 685123");
    await user.type(screen.getByTestId("hal"), "Permohonan hosting{Enter}");
    await user.click(await screen.findByTestId("catat-lagi"));
    expect((screen.getByTestId("nama-pemohon") as HTMLInputElement).value, "the name is kept").toBe(
      "Dinas Pendidikan",
    );
    expect((screen.getByTestId("telepon") as HTMLInputElement).value, "and the phone").toBe("0291 685123");
    expect((screen.getByTestId("hal") as HTMLInputElement).value, "but not the letter's hal").toBe("");
    const other = render(RegisterForm, { userId: "budi" });
    expect(
      (other.getAllByTestId("nama-pemohon").at(-1) as HTMLInputElement).value,
      "another account does not get Siti's applicant",
    ).toBe("");
  });

  it("fills a previous applicant's contacts when the name is chosen", async () => {
    const user = userEvent.setup();
    agendaApi.applicants.mockResolvedValue([
      { kind: "opd", name: "Dinas Kesehatan", phone: "0291 1", email: "dinkes@demakkab.go.id", address: "Jl. Sultan" },
    ]);
    render(RegisterForm, { userId: "siti" });
    await waitFor(() => expect(agendaApi.applicants).toHaveBeenCalled());
    await user.type(screen.getByTestId("nama-pemohon"), "Dinas Kesehatan");
    await user.tab();
    expect((screen.getByTestId("pos-el") as HTMLInputElement).value, "the e-mail is filled in").toBe(
      "dinkes@demakkab.go.id",
    );
  });

  it("shows the API's reasons next to the form and keeps what was typed", async () => {
    const user = userEvent.setup();
    agendaApi.register.mockRejectedValue({
      code: "bad_input",
      message: "permohonan belum dapat dicatat: layanan belum diisi; nomor surat belum diisi",
    });
    render(RegisterForm, { userId: "siti" });
    await user.type(screen.getByTestId("hal"), "Tanpa layanan{Enter}");
    expect((await screen.findByTestId("galat")).textContent, "every problem is shown").toContain(
      "nomor surat belum diisi",
    );
    expect((screen.getByTestId("hal") as HTMLInputElement).value, "the typed hal stays").toBe(
      "Tanpa layanan",
    );
  });
});
