import { fireEvent, render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { offices } from "./fixtures";

vi.mock("../lib/api", () => ({
  api: { shippedOffices: vi.fn(), setupShipped: vi.fn(), setupFromText: vi.fn() },
}));

import { api } from "../lib/api";
import FirstRun from "../components/FirstRun.svelte";

describe("Penyiapan Awal", () => {
  beforeEach(() => {
    vi.mocked(api.shippedOffices).mockResolvedValue(offices);
    vi.mocked(api.setupShipped).mockReset();
    vi.mocked(api.setupFromText).mockReset();
  });

  it("offers the shipped profiles and sets up the chosen one", async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    vi.mocked(api.setupShipped).mockResolvedValue({} as never);
    render(FirstRun, { dbPath: "/tmp/loket.db", onDone });
    const button = screen.getByTestId("pasang-profil") as HTMLButtonElement;
    expect(button.disabled, "nothing can be set up before a profile is chosen").toBe(true);
    await user.click(await screen.findByLabelText(/Kota Denpasar/));
    await user.click(button);
    expect(api.setupShipped, "the chosen profile is imported").toHaveBeenCalledWith("denpasar");
    expect(onDone, "the main window opens after setup").toHaveBeenCalled();
    expect(screen.getByText("/tmp/loket.db"), "the user sees where the database goes").toBeTruthy();
  });

  it("shows the loader's message for a bad profile file and stays on the screen", async () => {
    const onDone = vi.fn();
    vi.mocked(api.setupFromText).mockRejectedValue({
      code: "bad_input",
      message: "rusak.toml baris 3, kolom `office.name`: harus berupa teks",
    });
    render(FirstRun, { dbPath: "/tmp/loket.db", onDone });
    const input = screen.getByTestId("impor-berkas") as HTMLInputElement;
    const file = new File(["[office]\nname = 12\n"], "rusak.toml", { type: "text/plain" });
    await fireEvent.change(input, { target: { files: [file] } });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent, "the file is named in the heading").toContain("rusak.toml");
    expect(alert.textContent, "the loader's line and field are shown").toContain("baris 3");
    expect(api.setupFromText, "the file's text is sent to loket-api").toHaveBeenCalledWith(
      "rusak.toml",
      "[office]\nname = 12\n",
    );
    expect(onDone, "a bad file does not open the main window").not.toHaveBeenCalled();
  });
});
