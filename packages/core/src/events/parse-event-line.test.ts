import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXAMPLE_EVENTS } from "./examples.js";
import { jsonErrorOffset } from "./json-error-offset.js";
import { parseEventLine } from "./parse-event-line.js";

const clockLine = JSON.stringify(EXAMPLE_EVENTS.clock);

describe("parseEventLine", () => {
  it("parses and validates a good line", () => {
    const result = parseEventLine(clockLine, 1);
    expect(result.ok && result.value.type).toBe("clock");
  });

  it("ignores a byte-order mark and a trailing carriage return", () => {
    expect(parseEventLine(`\uFEFF${clockLine}\r`, 1).ok).toBe(true);
  });

  it.each([
    ['{"id":"e1","type":}', 19], // V8 names no position here: the scanner finds it
    ['{"id":"e1"', 11],
    ["{id:1}", 2],
    ['{"a":1} x', 9],
    ['{"a":"é', 8], // columns count code points
    ['{"a":[1,]}', 9],
    ['{"a":01}', 7],
    ['{"a":"\\x"}', 8],
    ["nul", 4],
  ])("locates the JSON error in %s at column %i", (line, column) => {
    const result = parseEventLine(line, 7);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: [],
          code: "event.invalid_json",
          messageKey: "event.invalid_json",
          params: {},
          line: 7,
          column,
        },
      ],
    });
  });

  it("reports an empty line", () => {
    expect(parseEventLine("   ", 3)).toMatchObject({
      ok: false,
      issues: [{ code: "event.empty_line", line: 3 }],
    });
  });

  it("puts the line on every validation issue", () => {
    const result = parseEventLine('{"id":"","type":"clock","time":"now","data":{}}', 12);
    expect(result.ok ? [] : result.issues.map((i) => [i.line, i.path.join("."), i.code])).toEqual([
      [12, "id", "event.empty"],
      [12, "time", "event.invalid_time"],
    ]);
  });
});

describe("jsonErrorOffset", () => {
  it("finds no error in valid JSON", () => {
    fc.assert(
      fc.property(fc.json({ depthSize: "medium" }), (text) => {
        expect(jsonErrorOffset(text)).toBeUndefined();
      }),
    );
  });

  it("agrees with V8 wherever V8 names a position", () => {
    const nearlyJson = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom("", "}", "]", ",", ":", '"', "x", "-", "0", "\\"))
      .map(([text, at, insert]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + insert + text.slice(i + 1);
      });
    fc.assert(
      fc.property(nearlyJson, (text) => {
        let message: string | undefined;
        try {
          JSON.parse(text);
        } catch (error) {
          message = (error as Error).message;
        }
        const offset = jsonErrorOffset(text);
        if (message === undefined) {
          expect(offset).toBeUndefined();
          return;
        }
        expect(offset).toBeTypeOf("number");
        const named = /at position (\d+)/.exec(message)?.[1];
        if (named !== undefined) expect(offset).toBe(Number(named));
      }),
      { numRuns: 2000 },
    );
  });

  it("handles deep nesting without recursion", () => {
    expect(jsonErrorOffset(`${"[".repeat(200_000)}${"]".repeat(200_000)}`)).toBeUndefined();
    expect(jsonErrorOffset(`${"[".repeat(200_000)}}`)).toBe(200_000);
  });
});
