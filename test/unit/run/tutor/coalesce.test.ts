import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CoalescedRunner } from "../../../../src/run/tutor/coalesce.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A task that takes `ms` (on the fake clock) and counts its starts. */
function slowTask(ms: number) {
  const starts: number[] = [];
  const task = () => {
    starts.push(Date.now());
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  };
  return { starts, task };
}

describe("re-checks coalesced", () => {
  it("runs at once on the first trigger", () => {
    const { starts, task } = slowTask(5);
    new CoalescedRunner(task).trigger();
    expect(starts).toHaveLength(1);
  });

  it("merges a burst during a quick run into one more run, right after it", async () => {
    const { starts, task } = slowTask(5);
    const runner = new CoalescedRunner(task, 50);
    const began = Date.now();
    for (let i = 0; i < 100; i++) runner.trigger();
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts.map((t) => t - began)).toEqual([0, 5]);
  });

  it("does not let a slow run hold back a newer look for longer than maxDelayMs", async () => {
    const { starts, task } = slowTask(3000);
    const runner = new CoalescedRunner(task, 50);
    const began = Date.now();
    runner.trigger();
    await vi.advanceTimersByTimeAsync(10);
    runner.trigger();
    runner.trigger();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts.map((t) => t - began)).toEqual([0, 60]);
  });

  it("keeps running after a task that failed", async () => {
    let calls = 0;
    const runner = new CoalescedRunner(async () => {
      calls++;
      throw new Error("engine gone");
    });
    runner.trigger();
    await vi.advanceTimersByTimeAsync(1);
    runner.trigger();
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
  });
});
