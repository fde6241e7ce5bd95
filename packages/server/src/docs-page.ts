/**
 * `/docs`: a self-contained HTML page generated from the OpenAPI document — operations with
 * their parameters, bodies and responses, the problem types, and every schema. No script,
 * no CDN: it works where nothing outside the machine can be reached.
 */
import { PROBLEM_CODES, problemText } from "./messages.js";

type Json = Record<string, unknown>;

function escapeText(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function schemaRef(schema: unknown): string {
  if (typeof schema !== "object" || schema === null) return "";
  const ref = (schema as Json).$ref;
  if (typeof ref === "string") {
    const name = ref.split("/").pop() ?? ref;
    return `<a href="#schema-${escapeText(name)}">${escapeText(name)}</a>`;
  }
  return `<code>${escapeText(JSON.stringify(schema))}</code>`;
}

function content(body: unknown): string {
  const types = (body as { content?: Record<string, { schema?: unknown }> } | undefined)?.content;
  if (types === undefined) return "";
  return Object.entries(types)
    .map(
      ([type, media]) => `<div><code>${escapeText(type)}</code> ${schemaRef(media.schema)}</div>`,
    )
    .join("");
}

function headers(response: Json): string {
  const named = (response.headers as Record<string, Json> | undefined) ?? {};
  return Object.entries(named)
    .map(
      ([name, h]) =>
        `<div>header <code>${escapeText(name)}</code> ${escapeText(String(h.description ?? ""))}</div>`,
    )
    .join("");
}

function operation(path: string, method: string, op: Json): string {
  const params = ((op.parameters as Json[] | undefined) ?? [])
    .map(
      (p) =>
        `<li><code>${escapeText(String(p.name))}</code> (${escapeText(String(p.in))}${p.required ? ", required" : ""}) ${escapeText(String((p.schema as Json | undefined)?.description ?? p.description ?? ""))}</li>`,
    )
    .join("");
  const responses = Object.entries((op.responses as Record<string, Json> | undefined) ?? {})
    .map(
      ([status, r]) =>
        `<li><b>${escapeText(status)}</b> ${escapeText(String(r.description ?? ""))}${content(r)}${headers(r)}</li>`,
    )
    .join("");
  return `<section class="op" id="op-${escapeText(method)}-${escapeText(path)}">
<h3><span class="m ${escapeText(method)}">${escapeText(method.toUpperCase())}</span> <code>${escapeText(path)}</code></h3>
<p><b>${escapeText(String(op.summary ?? ""))}</b></p><p>${escapeText(String(op.description ?? ""))}</p>
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ""}
${op.requestBody ? `<h4>Body</h4>${content(op.requestBody)}` : ""}
<h4>Responses</h4><ul>${responses}</ul></section>`;
}

/** The docs page for an OpenAPI document. */
export function docsPage(doc: Json): string {
  const info = (doc.info as Json | undefined) ?? {};
  const paths = (doc.paths as Record<string, Record<string, Json>> | undefined) ?? {};
  const ops = Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => operation(path, method, op)),
  );
  const schemas = Object.entries(
    ((doc.components as Json | undefined)?.schemas as Record<string, unknown> | undefined) ?? {},
  )
    .map(
      ([name, schema]) =>
        // The id sits inside the closed <details>: a browser opens it when a link lands there.
        `<details><summary>${escapeText(name)}</summary><pre id="schema-${escapeText(name)}">${escapeText(JSON.stringify(schema, null, 2))}</pre></details>`,
    )
    .join("\n");
  const problems = PROBLEM_CODES.map((code) => {
    const { title, detail } = problemText(code, "en");
    // A detail that is only a placeholder ("{reason}") says nothing until it is filled.
    const said = /^\{\w+\}$/.test(detail) ? "" : ` <span class="d">${escapeText(detail)}</span>`;
    return `<li id="problem-${code}"><code>${code}</code> — ${escapeText(title)}.${said}</li>`;
  }).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(String(info.title ?? "API"))}</title><link rel="icon" href="data:,">
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f7;padding:.75rem;overflow:auto}
.op{border-top:1px solid #ddd;padding:.5rem 0}.m{display:inline-block;min-width:4rem;font-weight:700}
.get{color:#0a6}.post{color:#06c}h3{margin:.3rem 0}h4{margin:.5rem 0 .2rem}.d{color:#555}
:target{outline:2px solid #e0a800;outline-offset:3px}pre[id]{scroll-margin-top:3rem}
</style></head><body>
<h1>${escapeText(String(info.title ?? "API"))} <small>${escapeText(String(info.version ?? ""))}</small></h1>
<p>${escapeText(String(info.description ?? ""))}</p>
<p>The machine-readable document: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${escapeText(String(doc.openapi ?? ""))}).</p>
<h2>Operations</h2>
${ops.join("\n")}
<h2 id="problems">Problem types</h2>
<p>Errors are <code>application/problem+json</code> (RFC 9457) with <code>type</code> <code>/docs#problem-&lt;code&gt;</code>, in the language of <code>Accept-Language</code>.</p>
<ul>${problems}</ul>
<h2>Schemas</h2>
${schemas}
</body></html>
`;
}
