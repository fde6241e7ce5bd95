// Characters that mean something anywhere in a line of CommonMark/GFM: emphasis, code, links,
// raw HTML, strikethrough, table cells, and the backslash itself.
const INLINE = /[\\`*_[\]<>|~]/g;

/**
 * Escapes one line of plain text so Markdown shows it as written: inline markup anywhere, and
 * what would start a heading, list, quote or rule at the start of the line. The common
 * punctuation of prose (". ? ! ( ) -") is left alone wherever it cannot be markup.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .trim()
        .replace(INLINE, "\\$&")
        // "&amp;" would otherwise show as "&"; a lone "&" (as in "AT&T") needs nothing.
        .replace(/&(?=#?\w+;)/g, "\\&")
        .replace(/^(#|[-+](?=\s)|[-=](?=[-=\s]*$))/, "\\$1")
        .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2"),
    )
    .join("\n");
}
