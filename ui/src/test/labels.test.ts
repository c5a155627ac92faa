import { describe, expect, it } from "vitest";
import { groupInOrder } from "../lib/labels";
import { asApiError } from "../lib/api";

describe("groupInOrder", () => {
  it("keeps the order in which groups first appear", () => {
    const groups = groupInOrder(["b1", "a1", "b2"], (s) => s[0]);
    expect(groups, "catalog order, not alphabetical").toEqual([
      ["b", ["b1", "b2"]],
      ["a", ["a1"]],
    ]);
  });
});

describe("asApiError", () => {
  it("passes an ApiError through and wraps anything else", () => {
    const e = { code: "not_found", message: "tidak ada" };
    expect(asApiError(e), "an ApiError is kept as is").toBe(e);
    expect(asApiError("boom").code, "a bare string becomes an internal error").toBe("internal");
    expect(asApiError(undefined).message, "a missing reason gets Indonesian words").toContain(
      "galat",
    );
  });
});
