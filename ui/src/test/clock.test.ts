import { afterEach, describe, expect, it } from "vitest";
import { officeNow, officeToday, setOfficeOffset } from "../lib/clock";

describe("the office clock", () => {
  afterEach(() => setOfficeOffset(null));

  it("reads the office's date, not the computer's, late in the UTC evening", () => {
    setOfficeOffset(7 * 60);
    // 20.00 UTC on 2 December is 03.00 WIB on 3 December.
    const instant = new Date(Date.UTC(2026, 11, 2, 20, 0));
    expect(officeToday(instant), "an office in WIB is already on the 3rd").toBe("2026-12-03");
    expect(officeNow(instant).getHours(), "the wall clock reads 03.00 in WIB").toBe(3);
  });

  it("tells WITA and WIT apart on the same instant", () => {
    const instant = new Date(Date.UTC(2026, 11, 2, 15, 30));
    setOfficeOffset(8 * 60);
    expect(officeToday(instant), "23.30 WITA is still the 2nd").toBe("2026-12-02");
    setOfficeOffset(9 * 60);
    expect(officeToday(instant), "00.30 WIT is already the 3rd").toBe("2026-12-03");
  });

  it("falls back to the computer's clock before an office is known", () => {
    const instant = new Date(2026, 0, 15, 10, 0);
    expect(officeToday(instant), "no office zone yet: the local date").toBe("2026-01-15");
  });
});
