import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AccountView } from "../lib/types/AccountView";

const accountsApi = vi.hoisted(() => ({
  list: vi.fn(),
  posts: vi.fn(),
  actingList: vi.fn(),
  create: vi.fn(),
  setActive: vi.fn(),
  setRoles: vi.fn(),
  resetPassword: vi.fn(),
  acting: vi.fn(),
  instructions: vi.fn(),
  setInstructions: vi.fn(),
}));
vi.mock("../lib/accounts-api", async (orig) => ({
  ...(await orig<typeof import("../lib/accounts-api")>()),
  accountsApi,
}));

import Accounts from "../pages/Accounts.svelte";
import Instructions from "../pages/Instructions.svelte";

const admin: AccountView = {
  id: "admin",
  name: "Admin Loket",
  nip: "",
  position_id: null,
  position_title: null,
  roles: ["register", "dispose", "paraf", "sign", "book", "administer"],
  active: true,
  failed_sign_ins: 0,
  locked_until: null,
};
const siti: AccountView = {
  id: "siti",
  name: "Siti Rahayu",
  nip: "198701012010012001",
  position_id: "pengadministrasi",
  position_title: "Pengadministrasi Umum",
  roles: ["register"],
  active: true,
  failed_sign_ins: 5,
  locked_until: "2026-03-02T09:00:30+07:00",
};

describe("Pengaturan → Akun & Peran", () => {
  beforeEach(() => {
    Object.values(accountsApi).forEach((f) => f.mockReset());
    accountsApi.list.mockResolvedValue([admin, siti]);
    accountsApi.actingList.mockResolvedValue([]);
    accountsApi.posts.mockResolvedValue([
      { id: "kepala-dinas", title: "Kepala Dinas", default_roles: ["dispose", "paraf", "sign"] },
      { id: "pengadministrasi", title: "Pengadministrasi Umum", default_roles: ["register"] },
    ]);
  });

  it("lists accounts with post and roles in words", async () => {
    render(Accounts, { me: "admin" });
    const rows = await screen.findAllByTestId("baris-akun");
    expect(rows[1].textContent, "post title shown").toContain("Pengadministrasi Umum");
    expect(rows[1].textContent, "roles in words, not codes").toContain("Mencatat surat masuk");
    expect(screen.queryByTestId("aktif-admin"), "one cannot deactivate oneself").toBeNull();
  });

  it("shows an account waiting after failed sign-ins", async () => {
    render(Accounts, { me: "admin" });
    const lock = await screen.findByTestId("terkunci-siti");
    expect(lock.textContent, "the administrator sees until when and after how many failures").toContain(
      "09:00:30 setelah 5× gagal masuk",
    );
    expect(screen.queryByTestId("terkunci-admin"), "an account that is not waiting shows nothing").toBeNull();
  });

  it("creates an account with the post's roles pre-ticked, keyboard only", async () => {
    const user = userEvent.setup();
    accountsApi.create.mockResolvedValue({ ...siti, id: "umar", name: "Umar" });
    render(Accounts, { me: "admin" });
    await screen.findAllByTestId("baris-akun");
    await user.click(screen.getByTestId("buat-akun"));
    expect(document.activeElement, "the login field has focus").toBe(screen.getByTestId("akun-login"));
    await user.keyboard("umar{Tab}Umar Said{Tab}19700101");
    expect(screen.getByTestId("akun-nip-bantu").textContent, "a short NIP shows how many digits are there").toContain(
      "8 dari 18 angka",
    );
    await user.keyboard(" 199003 1 001");
    expect(screen.getByTestId("akun-nip-bantu").textContent, "an 18-digit NIP shows how it prints").toContain(
      "Tercetak: NIP. 19700101 199003 1 001",
    );
    await user.selectOptions(screen.getByTestId("akun-jabatan"), "Kepala Dinas");
    expect(
      (screen.getByTestId("akun-peran-sign") as HTMLInputElement).checked,
      "signing is pre-ticked for a Kepala Dinas",
    ).toBe(true);
    expect((screen.getByTestId("akun-peran-register") as HTMLInputElement).checked, "registering is not").toBe(false);
    await user.type(screen.getByTestId("akun-sandi"), "sandi-rahasia-1{Enter}");
    expect(accountsApi.create, "Enter creates the account").toHaveBeenCalledWith({
      login: "umar",
      name: "Umar Said",
      nip: "19700101 199003 1 001",
      positionId: "kepala-dinas",
      roles: ["dispose", "paraf", "sign"],
      password: "sandi-rahasia-1",
    });
    expect((await screen.findByTestId("pemberitahuan")).textContent, "success is announced").toContain("umar");
  });

  it("deactivates an account and shows a refusal from the API", async () => {
    const user = userEvent.setup();
    accountsApi.setActive.mockResolvedValue(undefined);
    render(Accounts, { me: "admin" });
    await screen.findAllByTestId("baris-akun");
    await user.click(screen.getByTestId("aktif-siti"));
    expect(accountsApi.setActive, "the account is deactivated").toHaveBeenCalledWith("siti", false);
    await waitFor(() => expect(accountsApi.list, "the list reloads").toHaveBeenCalledTimes(2));
  });
});

describe("Pengaturan → Petunjuk Disposisi", () => {
  beforeEach(() => {
    accountsApi.instructions.mockReset().mockResolvedValue(["Tanggapan dan saran", "Proses lebih lanjut"]);
    accountsApi.setInstructions.mockReset().mockImplementation(async (t: string[]) => t);
  });

  it("edits, reorders and saves the list", async () => {
    const user = userEvent.setup();
    render(Instructions, {});
    await screen.findByTestId("petunjuk-1");
    await user.click(screen.getByRole("button", { name: "Turunkan petunjuk 1" }));
    await user.click(screen.getByTestId("tambah-petunjuk"));
    await user.type(screen.getByTestId("petunjuk-3"), "Pantau dan laporkan{Enter}");
    expect(accountsApi.setInstructions, "the new order and line are saved").toHaveBeenCalledWith([
      "Proses lebih lanjut",
      "Tanggapan dan saran",
      "Pantau dan laporkan",
    ]);
    expect(await screen.findByRole("status"), "saving is confirmed").toBeTruthy();
  });
});
