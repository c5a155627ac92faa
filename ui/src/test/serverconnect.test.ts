import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("../lib/api", () => ({
  api: {
    connectionSaved: vi.fn(),
    connectionTest: vi.fn(),
    connectionConnect: vi.fn(),
    connectionUseLocal: vi.fn(),
  },
}));

import { api } from "../lib/api";
import { connection, markOffline, markOnline, RETRY_MS } from "../lib/connection.svelte";
import ServerConnect from "../components/ServerConnect.svelte";
import type { ServerSettings } from "../lib/types/ServerSettings";

const blank: ServerSettings = {
  host: "",
  port: "5432",
  database: "loket",
  user: "loket_app",
  password: "",
  tls: "wajib",
  root_cert: "",
};

describe("Sambungkan ke basis data kantor", () => {
  beforeEach(() => {
    vi.mocked(api.connectionSaved).mockResolvedValue({ ...blank, host: "server-kantor" });
    vi.mocked(api.connectionTest).mockReset();
    vi.mocked(api.connectionConnect).mockReset();
  });

  it("starts from the saved server, allows no encryption only for this computer", async () => {
    const user = userEvent.setup();
    render(ServerConnect, { onConnected: vi.fn() });
    const host = screen.getByTestId("server-host") as HTMLInputElement;
    await waitFor(() => expect(host.value, "the saved server is filled in").toBe("server-kantor"));
    const plain = screen.getByTestId("tls-tanpa") as HTMLInputElement;
    expect(plain.disabled, "no encryption is not offered for another machine").toBe(true);
    await user.clear(host);
    await user.type(host, "localhost");
    expect(plain.disabled, "it is for a server on this computer").toBe(false);
    await user.click(screen.getByTestId("tls-periksa"));
    expect(
      screen.getByTestId("server-sertifikat"),
      "checking the certificate asks for the root certificate",
    ).toBeTruthy();
  });

  it("shows each field's problem beside it and a refused password as such", async () => {
    const user = userEvent.setup();
    vi.mocked(api.connectionTest).mockResolvedValueOnce({
      ok: false,
      message: "Periksa isian yang ditandai lalu uji lagi",
      failure: "invalid",
      problems: [{ field: "port", message: "Port `54x` tidak sah; tulis angka 1–65535, biasanya 5432" }],
      label: "Server kantor: server-kantor/loket",
      office_name: null,
    });
    render(ServerConnect, { onConnected: vi.fn() });
    await user.click(screen.getByTestId("uji-sambungan"));
    expect(
      (await screen.findByText(/Port `54x` tidak sah/)).closest("label")?.textContent,
      "the message sits at the port field",
    ).toContain("Port");
    vi.mocked(api.connectionTest).mockResolvedValueOnce({
      ok: false,
      message: "server postgres://loket_app@server-kantor:5432/loket menolak masuk sebagai `loket_app`",
      failure: "rejected",
      problems: [
        { field: "user", message: "x" },
        { field: "password", message: "x" },
      ],
      label: "Server kantor: server-kantor/loket",
      office_name: null,
    });
    await user.click(screen.getByTestId("uji-sambungan"));
    const box = await screen.findByTestId("hasil-uji");
    expect(box.textContent, "the failure is named plainly").toContain(
      "Nama pengguna atau kata sandi salah",
    );
    expect(box.textContent, "and the fields to check").toContain("Pengguna, Kata sandi");
  });

  it("connects and tells the window to continue, or says why not", async () => {
    const user = userEvent.setup();
    const onConnected = vi.fn();
    vi.mocked(api.connectionConnect).mockRejectedValueOnce({
      code: "offline",
      message: "server basis data kantor postgres://loket_app@server-kantor:5432/loket tidak dapat dihubungi",
    });
    render(ServerConnect, { onConnected });
    await user.type(screen.getByTestId("server-sandi"), "rahasia");
    await user.click(screen.getByTestId("sambungkan"));
    expect(
      (await screen.findByTestId("galat-sambungan")).textContent,
      "a failed connection is explained at the form",
    ).toContain("tidak dapat dihubungi");
    expect(onConnected, "the window stays where it was").not.toHaveBeenCalled();
    vi.mocked(api.connectionConnect).mockResolvedValueOnce(undefined);
    await user.click(screen.getByTestId("sambungkan"));
    await waitFor(() => expect(onConnected, "the window continues on the server").toHaveBeenCalled());
    expect(
      vi.mocked(api.connectionConnect).mock.calls[1][0].password,
      "the typed password is sent",
    ).toBe("rahasia");
  });
});

describe("banner tidak tersambung", () => {
  afterEach(() => {
    markOnline();
    vi.useRealTimers();
  });

  it("stays while the server is away and goes by itself once a retry answers", async () => {
    vi.useFakeTimers();
    const ping = vi
      .fn()
      .mockRejectedValueOnce({ code: "offline", message: "tidak tersambung" })
      .mockResolvedValueOnce(undefined);
    markOffline(ping);
    markOffline(ping);
    expect(connection.offline, "a failed call turns the banner on").toBe(true);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(ping, "one retry at a time, however many calls failed").toHaveBeenCalledTimes(1);
    expect(connection.offline, "still away after a failed retry").toBe(true);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(connection.offline, "the banner goes once the server answers").toBe(false);
    await vi.advanceTimersByTimeAsync(RETRY_MS * 3);
    expect(ping, "no more retries once connected").toHaveBeenCalledTimes(2);
  });
});
