/** Padding for terminal columns: CJK characters take two cells, so `padEnd` would misalign them. */

// East Asian wide ranges that occur in our texts: CJK punctuation, ideographs, fullwidth forms.
const WIDE =
  /[\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** How many terminal cells `text` takes. */
export function cells(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** `text` padded with spaces to `width` cells. */
export const padCells = (text: string, width: number): string =>
  text + " ".repeat(Math.max(0, width - cells(text)));
