// @ts-check
/**
 * The CDNOW sample (../shared/data, 2,357 customers) and the same replicated ten times with
 * customer numbers offset, so the copies are different customers (23,570): the same data
 * packages/measure/bench/fit.bench.ts fits.
 */
import { readFileSync } from "node:fs";

/** The sample as published. */
export const cdnowSample = () =>
  readFileSync(new URL("../../../shared/data/CDNOW_sample.txt", import.meta.url), "utf8");

/** `text` replicated `copies` times, copy k's customer ids offset by k × 10,000. */
export function replicate(text, copies = 10) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  return Array.from({ length: copies }, (_, copy) =>
    lines
      .map((line) =>
        line.replace(/^(\s*\d+\s+)(\d+)/, (_m, head, id) => `${head}${copy * 10_000 + Number(id)}`),
      )
      .join("\n"),
  ).join("\n");
}
