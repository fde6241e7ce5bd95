import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fromZodIssues } from "./zod-issues.js";

/** The event issues a schema's failure translates to, as [path, code, params]. */
function translated(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error("expected a failure");
  return fromZodIssues(result.error.issues).map((i) => [i.path.join("."), i.code, i.params]);
}

// The contract's own schemas exercise most mappings; these cover the generic ones it does not (yet) use.
describe("fromZodIssues", () => {
  it("names sizes by what they measure", () => {
    const schema = z.strictObject({
      list: z.array(z.string()).min(2).optional(),
      short: z.array(z.string()).max(1).optional(),
      word: z.string().min(3).optional(),
    });
    expect(translated(schema, { list: ["a"], short: ["a", "b"], word: "ab" })).toEqual([
      ["list", "event.too_few", { minimum: 2 }],
      ["short", "event.too_many", { maximum: 1 }],
      ["word", "event.too_short", { minimum: 3 }],
    ]);
  });

  it("falls back to generic codes for formats and issues it has no better name for", () => {
    expect(translated(z.email(), "not-an-email")).toEqual([
      ["", "event.invalid_format", { format: "email" }],
    ]);
    expect(translated(z.union([z.string(), z.number()]), true)).toEqual([
      ["", "event.invalid", {}],
    ]);
  });

  it("keeps only string and number parameters from custom issues", () => {
    const schema = z.string().superRefine((_, ctx) =>
      ctx.addIssue({
        code: "custom",
        message: "event.time_order",
        params: { after: "start", bad: { x: 1 } },
      }),
    );
    expect(translated(schema, "x")).toEqual([["", "event.time_order", { after: "start" }]]);
  });
});
