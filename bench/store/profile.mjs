// @ts-check
/**
 * Where durable ingest's time goes, from a V8 CPU profile of one implementation:
 *
 *   node bench/store/run.mjs --quick --rounds 1 --only json-parse --jsonl /tmp/gf-events.jsonl
 *   node --cpu-prof --cpu-prof-dir=/tmp/gf-store-prof bench/store/run.mjs --rounds 1 \
 *     --only sqlite-goodfaith --jsonl /tmp/gf-events.jsonl
 *   node bench/store/profile.mjs /tmp/gf-store-prof [top=30]
 *
 * Unlike bench/engine/profile.mjs it cannot keep to one call's subtree (ingest is async, so its
 * continuations are separate roots), hence the reused --jsonl file: no event generation in the
 * profile. Reports whole-profile self time by function, by source file and by package.
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
/** @type {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number } }[], samples: number[], timeDeltas: number[] }} */
const profile = JSON.parse(readFileSync(file, "utf8"));

const self = new Map();
for (const [i, id] of profile.samples.entries()) {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const short = (url) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/^.*\/(packages\/[^/]+\/dist|node_modules|bench)\//, "$1/")
    .replace(/^packages\/([^/]+)\/dist\//, "$1/");
const pkg = (url) => {
  const s = short(url);
  if (!s) return "(native / VM)";
  if (s.startsWith("node_modules/")) return s.split("/").slice(0, 2).join("/");
  if (s.startsWith("node:")) return "node internals";
  return s.split("/")[0] ?? s;
};
const label = (n) =>
  `${n.callFrame.functionName || "(anonymous)"}  ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

let total = 0;
const fn = new Map();
const files = new Map();
const pkgs = new Map();
const add = (m, k, t) => m.set(k, (m.get(k) ?? 0) + t);
for (const n of profile.nodes) {
  const t = self.get(n.id) ?? 0;
  if (n.callFrame.functionName === "(idle)") continue;
  total += t;
  add(fn, label(n), t);
  add(files, short(n.callFrame.url) || "(native)", t);
  add(pkgs, pkg(n.callFrame.url), t);
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
const ms = (t) => `${(t / 1000).toFixed(0).padStart(7)} ms`;
const show = (title, m, top) => {
  console.log(title);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${pct(t)}  ${ms(t)}  ${k}`);
};
console.log(`${file}\nbusy ${ms(total)} (idle left out)`);
show("self time by function:", fn, Number(topArg));
show("self time by file:", files, 15);
show("self time by package:", pkgs, 10);
