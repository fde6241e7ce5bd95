/**
 * The goodfaith CLI as a library, for tests and embedding.
 *
 * @example
 * ```ts
 * import { buildProgram } from "goodfaith";
 * const lines: string[] = [];
 * const program = buildProgram(() => ({ out: (l) => lines.push(l), err: (l) => lines.push(l), lang: "en" }), () => {});
 * await program.parseAsync(["node", "goodfaith", "promises", "validate", "packs/airline/promises.yaml"]);
 * ```
 */

export { type CliContext, EXIT } from "./io/context.js";
export { buildProgram } from "./program.js";
