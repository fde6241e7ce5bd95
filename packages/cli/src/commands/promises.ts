import { writeFile } from "node:fs/promises";
import { diffPromises, type Lang, renderHtml, renderMarkdown } from "@goodfaith/core";
import { type CliContext, EXIT } from "../io/context.js";
import { loadDocuments } from "../io/documents.js";
import { describeError } from "../io/file-error.js";
import { t } from "../messages.js";

/** `goodfaith promises validate`: loads each file and reports every problem with its location. */
export async function validateCommand(
  files: readonly string[],
  json: boolean,
  ctx: CliContext,
): Promise<number> {
  let status: number = EXIT.ok;
  for (const file of files) {
    const loaded = await loadDocuments([file], ctx.lang);
    if (json) {
      // As POST /v1/promises/validate answers, with the file named.
      const doc = loaded.ok ? loaded.documents[0] : undefined;
      ctx.out(
        JSON.stringify(
          loaded.ok
            ? {
                file,
                valid: true,
                company: doc?.company,
                version: doc?.version,
                promises: doc?.promises.map((p) => p.id),
              }
            : { file, valid: false, errorCount: loaded.count, errors: loaded.problems },
        ),
      );
    } else if (loaded.ok) {
      const doc = loaded.documents[0];
      ctx.out(
        t(ctx.lang, "valid", {
          file,
          count: doc?.promises.length ?? 0,
          version: doc?.version ?? "",
          company: doc?.company ?? "",
        }),
      );
    } else for (const m of loaded.messages) ctx.err(m);
    // A file that could not be read (1) outranks one that does not load (2).
    if (!loaded.ok && status !== EXIT.failure) status = loaded.exit;
  }
  return status;
}

/** Options of `goodfaith promises render`. */
export interface RenderOptions {
  readonly lang: Lang;
  readonly html?: boolean;
  readonly out?: string;
}

/** `goodfaith promises render`: the customer-facing promise page, as Markdown or HTML. */
export async function renderCommand(
  file: string,
  opts: RenderOptions,
  ctx: CliContext,
): Promise<number> {
  const loaded = await loadDocuments([file], ctx.lang);
  if (!loaded.ok) {
    for (const m of loaded.messages) ctx.err(m);
    return loaded.exit;
  }
  const doc = loaded.documents[0];
  if (!doc) return EXIT.failure;
  const page = opts.html
    ? renderHtml(doc, opts.lang, { standalone: true })
    : renderMarkdown(doc, opts.lang);
  if (opts.out === undefined) ctx.out(page);
  else
    try {
      await writeFile(opts.out, page);
    } catch (error) {
      ctx.err(describeError(error, ctx.lang));
      return EXIT.failure;
    }
  return EXIT.ok;
}

/**
 * `goodfaith promises diff <before> <after>`: what changed, promise by promise and field by
 * field. Exits 0 when nothing changed, 1 when something did (like `diff`), 2 on a bad file —
 * one that does not load or cannot be read: 1 already means "changed" here.
 */
export async function diffCommand(
  before: string,
  after: string,
  json: boolean,
  ctx: CliContext,
): Promise<number> {
  const loaded = await loadDocuments([before, after], ctx.lang);
  if (!loaded.ok) {
    for (const m of loaded.messages) ctx.err(m);
    return EXIT.invalid;
  }
  const [a, b] = loaded.documents;
  if (a === undefined || b === undefined) return EXIT.invalid;
  const diff = diffPromises(a, b);
  if (json) {
    ctx.out(JSON.stringify(diff));
  } else {
    ctx.out(
      t(ctx.lang, "diffTitle", {
        before: `${diff.before.company} ${diff.before.version}`,
        after: `${diff.after.company} ${diff.after.version}`,
        changed: t(ctx.lang, "promisesChanged", { count: diff.changes.length }),
      }),
    );
    for (const c of diff.changes) {
      ctx.out(`${c.change === "added" ? "+" : c.change === "removed" ? "-" : "~"} ${c.id}`);
      if (c.change !== "changed") continue;
      for (const f of c.fields) {
        ctx.out(`    ${f.field}`);
        ctx.out(`      - ${f.before ?? t(ctx.lang, "none")}`);
        ctx.out(`      + ${f.after ?? t(ctx.lang, "none")}`);
      }
    }
  }
  return diff.changes.length === 0 ? EXIT.ok : EXIT.failure;
}
