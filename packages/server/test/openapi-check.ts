/**
 * Test support: reads an OpenAPI document the server serves, and checks values against its
 * schemas (the subset of JSON Schema 2020-12 the document uses).
 */

/** A JSON Schema, as the document holds it. */
export type Schema = Record<string, unknown>;
/** An operation of the document: what the checks read of it. */
export interface Operation {
  readonly security?: readonly unknown[];
  readonly responses: Record<
    string,
    { content?: Record<string, { schema?: Schema }>; headers?: Record<string, unknown> }
  >;
}
/** The document: its operations and named schemas. */
export interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: { readonly schemas: Record<string, Schema> };
}

const typeOf = (value: unknown): string =>
  value === null
    ? "null"
    : Array.isArray(value)
      ? "array"
      : typeof value === "number" && Number.isInteger(value)
        ? "integer"
        : typeof value;

/**
 * Where `value` breaks `schema` (the subset of JSON Schema 2020-12 the document uses). An
 * object schema that lists properties without `additionalProperties` is read as closed: a
 * member it does not name is undocumented, which is what an integrator cannot rely on.
 */
export function violations(doc: Document, schema: Schema, value: unknown, at = "$"): string[] {
  const ref = schema.$ref;
  if (typeof ref === "string") {
    const target = doc.components.schemas[ref.slice(ref.lastIndexOf("/") + 1)];
    return target === undefined ? [`${at}: ${ref} unresolved`] : violations(doc, target, value, at);
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options !== undefined && !options.some((o) => violations(doc, o, value, at).length === 0))
      return [`${at}: matches none of ${key}`];
  }
  const all = schema.allOf as Schema[] | undefined;
  // `.extend()` of a named schema: the branches together are one object, closed as a whole.
  if (all !== undefined) return violations(doc, merged(doc, all), value, at);
  const out: string[] = [];
  const type = schema.type as string | string[] | undefined;
  const actual = typeOf(value);
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    const ok = types.includes(actual) || (actual === "integer" && types.includes("number"));
    if (!ok) return [...out, `${at}: ${actual}, documented ${types.join("|")}`];
  }
  if (schema.nullable === true && value === null) return out;
  const allowed = schema.enum as unknown[] | undefined;
  if (allowed !== undefined && !allowed.includes(value))
    out.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (actual === "array" && schema.items !== undefined) {
    (value as unknown[]).forEach((item, i) => {
      out.push(...violations(doc, schema.items as Schema, item, `${at}[${i}]`));
    });
  }
  if (actual === "object") {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required as string[] | undefined) ?? [])
      if (!(name in record)) out.push(`${at}.${name}: required, missing`);
    const extra = schema.additionalProperties as Schema | boolean | undefined;
    for (const [name, member] of Object.entries(record)) {
      const declared = properties[name];
      if (declared !== undefined) out.push(...violations(doc, declared, member, `${at}.${name}`));
      else if (typeof extra === "object")
        out.push(...violations(doc, extra, member, `${at}.${name}`));
      else if (extra !== true && schema.properties !== undefined)
        out.push(`${at}.${name}: undocumented`);
    }
  }
  return out;
}

function merged(doc: Document, branches: readonly Schema[]): Schema {
  const resolved = branches.map((b) => {
    const ref = b.$ref;
    return typeof ref === "string"
      ? (doc.components.schemas[ref.slice(ref.lastIndexOf("/") + 1)] ?? {})
      : b;
  });
  return {
    type: "object",
    properties: Object.assign({}, ...resolved.map((b) => b.properties ?? {})),
    required: resolved.flatMap((b) => (b.required as string[] | undefined) ?? []),
  };
}

/** The operation of `doc` answering `method path` (a query is ignored), with its template. */
export function operationOf(doc: Document, method: string, path: string) {
  const bare = path.replace(/\?.*$/, "");
  // Literal paths first: `/v1/webhooks/deliveries` is not `/v1/webhooks/{id}`.
  const templates = Object.keys(doc.paths).sort(
    (a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0),
  );
  for (const template of templates) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    const operation = doc.paths[template]?.[method.toLowerCase()];
    if (pattern.test(bare) && operation !== undefined) return { template, operation };
  }
  return undefined;
}
