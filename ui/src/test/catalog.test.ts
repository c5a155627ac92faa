import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { services } from "./fixtures";

vi.mock("../lib/api", () => ({
  api: { catalogList: vi.fn() },
}));

import { api } from "../lib/api";
import Catalog from "../pages/Catalog.svelte";

const catalogList = vi.mocked(api.catalogList);

describe("Katalog Layanan", () => {
  beforeEach(() => {
    catalogList.mockReset();
    catalogList.mockImplementation(async (q: string) =>
      services.filter((s) => s.name.toLowerCase().includes(q.trim().toLowerCase())),
    );
  });

  it("groups services under their unit's name, in catalog order", async () => {
    render(Catalog, { onOpen: () => {} });
    const ikp = await screen.findByRole("region", { name: "Bidang IKP" });
    expect(
      within(ikp).getAllByTestId("layanan").map((b) => b.textContent),
      "each unit lists its own services",
    ).toHaveLength(2);
    expect(
      screen.getByRole("region", { name: "Bidang Persandian" }),
      "every unit that has a service gets a group",
    ).toBeTruthy();
    expect(screen.getByTestId("jumlah-layanan").textContent, "the count is in words").toContain(
      "3 layanan",
    );
  });

  it("searches as the user types and says when nothing matches", async () => {
    const user = userEvent.setup();
    render(Catalog, { onOpen: () => {} });
    await screen.findAllByTestId("layanan");
    await user.type(screen.getByLabelText("Cari layanan"), "sertifikat");
    await vi.waitFor(() =>
      expect(catalogList, "the query goes to loket-api").toHaveBeenLastCalledWith("sertifikat"),
    );
    await vi.waitFor(() =>
      expect(screen.getAllByTestId("layanan"), "only the matching service remains").toHaveLength(1),
    );
    await user.clear(screen.getByLabelText("Cari layanan"));
    await user.type(screen.getByLabelText("Cari layanan"), "tidak ada");
    expect(
      await screen.findByTestId("tidak-ada-hasil"),
      "an empty result is explained, not a blank page",
    ).toBeTruthy();
  });

  it("opens a service with the keyboard", async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    render(Catalog, { onOpen });
    const first = (await screen.findAllByTestId("layanan"))[0];
    first.focus();
    await user.keyboard("{Enter}");
    expect(onOpen, "Enter on a service opens its page").toHaveBeenCalledWith("ppid");
  });
});
