import { describe, expect, it } from "vitest";
import { formatDuration, progressFigures, progressLine } from "./ingest-progress.js";

describe("the ingest progress line", () => {
  it("estimates the time left from the share read so far", () => {
    // 45 % in 9 s: the other 55 % take 11 s at the same pace.
    expect(progressFigures({ events: 120_000, elapsedMs: 9000, done: 0.45 })).toEqual({
      events: 120_000,
      perSecond: 120_000 / 9,
      percent: 45,
      etaSeconds: 11,
    });
    // Rounded up: never "0:00" while something is left.
    expect(progressFigures({ events: 10, elapsedMs: 1000, done: 0.999 }).etaSeconds).toBe(1);
    expect(progressFigures({ events: 10, elapsedMs: 1000, done: 1 })).toMatchObject({
      percent: 100,
      etaSeconds: 0,
    });
    // Nothing read yet, or no time passed: a percent but no guess.
    expect(progressFigures({ events: 0, elapsedMs: 500, done: 0 })).toEqual({
      events: 0,
      perSecond: 0,
      percent: 0,
    });
    expect(progressFigures({ events: 0, elapsedMs: 0, done: 0.5 }).etaSeconds).toBeUndefined();
    // Read-ahead past the size (a file that grew) is held at 100 %.
    expect(progressFigures({ events: 5, elapsedMs: 1000, done: 1.2 }).percent).toBe(100);
  });

  it("has no percent and no ETA when the size is unknown (stdin, a pipe)", () => {
    expect(progressFigures({ events: 4000, elapsedMs: 2000 })).toEqual({
      events: 4000,
      perSecond: 2000,
    });
    expect(progressLine({ events: 4000, elapsedMs: 2000 }, "en")).toBe("4,000 events · 2,000/s");
  });

  it("formats durations as m:ss, or h:mm:ss from an hour", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(12)).toBe("0:12");
    expect(formatDuration(59.2)).toBe("1:00");
    expect(formatDuration(605)).toBe("10:05");
    expect(formatDuration(3723)).toBe("1:02:03");
    expect(formatDuration(-3)).toBe("0:00");
  });

  it("reads in the CLI's three languages", () => {
    const p = { events: 120_000, elapsedMs: 9_090, done: 0.45 };
    expect(progressLine(p, "en")).toBe("120,000 events · 45 % · 13,201/s · ETA 0:12");
    expect(progressLine(p, "zh-CN")).toBe("120,000 个事件 · 45% · 13,201/秒 · 预计剩余 0:12");
    // Swedish groups thousands with a no-break space.
    expect(progressLine(p, "sv")).toBe(
      "120\u00a0000 händelser · 45 % · 13\u00a0201/s · klart om 0:12",
    );
  });
});
