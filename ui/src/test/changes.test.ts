import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { followChanges } from "../lib/changes";
import { connection } from "../lib/connection.svelte";

describe("following other laptops' changes", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    connection.offline = false;
  });

  it("reloads only when the change marker moved, and stops when asked", async () => {
    const marks = [5, 5, 6, 6, 9];
    const head = vi.fn(async () => marks.shift() ?? 9);
    const onChange = vi.fn();
    const stop = followChanges(onChange, 3000, head);
    await vi.advanceTimersByTimeAsync(0);
    expect(onChange, "the first poll only learns the marker").not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3000);
    expect(onChange, "an unchanged marker reloads nothing").not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(3000);
    expect(onChange, "a moved marker reloads once").toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(6000);
    expect(onChange, "each move reloads once more").toHaveBeenCalledTimes(2);
    stop();
    const polls = head.mock.calls.length;
    await vi.advanceTimersByTimeAsync(9000);
    expect(head.mock.calls.length, "a page that was left polls no more").toBe(polls);
  });

  it("waits while the server is away and never piles up reloads", async () => {
    let mark = 1;
    const head = vi.fn(async () => mark);
    let finish: () => void = () => {};
    const onChange = vi.fn(() => new Promise<void>((done) => (finish = done)));
    const stop = followChanges(onChange, 3000, head);
    await vi.advanceTimersByTimeAsync(0);
    connection.offline = true;
    mark = 2;
    await vi.advanceTimersByTimeAsync(9000);
    expect(head, "no poll while the offline banner is up").toHaveBeenCalledTimes(1);
    connection.offline = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(onChange, "the move is seen once the server is back").toHaveBeenCalledTimes(1);
    mark = 3;
    await vi.advanceTimersByTimeAsync(9000);
    expect(onChange, "no second reload while the first still runs").toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(3000);
    expect(onChange, "then the next move reloads").toHaveBeenCalledTimes(2);
    stop();
  });
});
