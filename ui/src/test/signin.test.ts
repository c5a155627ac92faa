import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { status } from "./fixtures";

const api = vi.hoisted(() => ({
  signIn: vi.fn(),
  createFirstAdmin: vi.fn(),
}));
vi.mock("../lib/api", () => ({ api }));

import SignIn from "../components/SignIn.svelte";

describe("layar Masuk", () => {
  beforeEach(() => {
    api.signIn.mockReset();
    api.createFirstAdmin.mockReset();
  });

  it("signs in with the typed login and password, keyboard only", async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    api.signIn.mockResolvedValue(status.user);
    render(SignIn, { status, onDone });
    expect(document.activeElement, "the login field has focus on open").toBe(
      screen.getByTestId("nama-akun"),
    );
    await user.keyboard(" siti {Tab}sandi-rahasia{Enter}");
    expect(api.signIn, "login is trimmed, password sent as typed").toHaveBeenCalledWith(
      "siti",
      "sandi-rahasia",
    );
    expect(onDone, "the window reloads into the main screen").toHaveBeenCalled();
  });

  it("explains a refused sign-in and clears the password", async () => {
    const user = userEvent.setup();
    api.signIn.mockRejectedValue({
      code: "unauthorised",
      message: "nama akun atau kata sandi salah",
    });
    render(SignIn, { status, onDone: vi.fn() });
    await user.type(screen.getByTestId("nama-akun"), "siti");
    await user.type(screen.getByTestId("kata-sandi"), "salah{Enter}");
    expect(screen.getByTestId("galat").textContent, "the reason is shown").toContain(
      "kata sandi salah",
    );
    expect(
      (screen.getByTestId("kata-sandi") as HTMLInputElement).value,
      "a wrong password is not left in the field",
    ).toBe("");
  });

  it("creates the first administrator only when both passwords match", async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    api.createFirstAdmin.mockResolvedValue(status.user);
    render(SignIn, { status: { ...status, has_accounts: false, user: null }, onDone });
    expect(screen.getByRole("heading").textContent, "a new office creates its admin").toBe(
      "Buat akun administrator",
    );
    await user.type(screen.getByTestId("nama-akun"), "admin");
    await user.type(screen.getByTestId("nama-lengkap"), "Sri Wahyuni");
    await user.type(screen.getByTestId("kata-sandi"), "rahasia-kantor");
    await user.type(screen.getByTestId("ulang-kata-sandi"), "rahasia-kantoR{Enter}");
    expect(screen.getByTestId("galat").textContent, "a mismatch is explained").toContain(
      "tidak sama",
    );
    expect(api.createFirstAdmin, "nothing is created on a mismatch").not.toHaveBeenCalled();
    await user.type(screen.getByTestId("kata-sandi"), "rahasia-kantor");
    await user.type(screen.getByTestId("ulang-kata-sandi"), "rahasia-kantor{Enter}");
    expect(api.createFirstAdmin, "the admin is created").toHaveBeenCalledWith(
      "admin",
      "Sri Wahyuni",
      "rahasia-kantor",
    );
    expect(onDone).toHaveBeenCalled();
  });
});
