// @ts-check
/**
 * Where the engine's time goes, from a V8 CPU profile:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/gf-prof bench/engine/run.mjs --quick --only goodfaith
 *   node bench/engine/profile.mjs /tmp/gf-prof [top=30]
 *
 * Reports self time by function (file:line) for everything called under `Engine.process`, so
 * event generation and the harness are left out, and the share of garbage collection overall
 * (V8 cannot attribute GC to a caller). Also sums self time by source file.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";

const [target = ".", topArg = "30"] = process.argv.slice(2);
const file = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((f) => f.endsWith(".cpuprofile"))
      .map((f) => `${target}/${f}`)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
  : target;
if (!file) throw new Error(`no .cpuprofile in ${target}`);
/** @type {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }[], samples: number[], timeDeltas: number[] }} */
const profile = JSON.parse(readFileSync(file, "utf8"));

const self = new Map();
for (const [i, id] of profile.samples.entries()) {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const short = (url) =>
  url
    .replace(/^.*\/(packages\/core\/dist|node_modules|bench)\//, "$1/")
    .replace(/^packages\/core\/dist\//, "core/");
const label = (n) =>
  `${n.callFrame.functionName || "(anonymous)"}  ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const isProcess = (n) =>
  n.callFrame.functionName === "process" && n.callFrame.url.endsWith("engine/engine.js");

let total = 0;
let gc = 0;
for (const n of profile.nodes) {
  total += self.get(n.id) ?? 0;
  if (n.callFrame.functionName === "(garbage collector)") gc += self.get(n.id) ?? 0;
}

// Sum self time over every subtree rooted at Engine.process (outermost occurrence only).
const fn = new Map();
const files = new Map();
let engine = 0;
const visit = (n) => {
  const t = self.get(n.id) ?? 0;
  engine += t;
  const k = label(n);
  fn.set(k, (fn.get(k) ?? 0) + t);
  const f = short(n.callFrame.url) || "(native)";
  files.set(f, (files.get(f) ?? 0) + t);
  for (const c of n.children ?? []) visit(byId.get(c));
};
const roots = (n) => {
  if (isProcess(n)) return visit(n);
  for (const c of n.children ?? []) roots(byId.get(c));
};
const root = profile.nodes[0];
if (root) roots(root);

const pct = (t, of) => `${((100 * t) / of).toFixed(1).padStart(5)} %`;
const ms = (t) => `${(t / 1000).toFixed(0).padStart(7)} ms`;
console.log(
  `${file}\nwhole profile ${ms(total)}; garbage collector ${ms(gc)} (${pct(gc, total).trim()} of all, not attributable)`,
);
console.log(
  `under Engine.process ${ms(engine)} (${pct(engine, total).trim()} of all); self time by function:`,
);
const top = Number(topArg);
for (const [k, t] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${pct(t, engine)}  ${ms(t)}  ${k}`);
console.log("self time by file, under Engine.process:");
for (const [k, t] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`  ${pct(t, engine)}  ${ms(t)}  ${k}`);
