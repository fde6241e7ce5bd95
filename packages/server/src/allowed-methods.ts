/**
 * Which methods a path answers, from the app's routes: a known path asked with another method
 * is a 405 with `Allow` (RFC 9110 §15.5.6), not a 404 that says the path does not exist.
 */

/** A route as Hono lists it (`app.routes`); middleware is listed with method `ALL`. */
export interface RouteEntry {
  readonly method: string;
  readonly path: string;
}

const pattern = (path: string) =>
  new RegExp(
    `^${path
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      // A `:name` parameter is one path segment.
      .replace(/:[^/]+/g, "[^/]+")}$`,
  );

/** Builds the lookup once; it answers the methods of `path`, sorted (none: an unknown path). */
export function allowedMethods(routes: readonly RouteEntry[]): (path: string) => string[] {
  const table = routes
    .filter((r) => r.method !== "ALL")
    .map((r) => ({ method: r.method, pattern: pattern(r.path) }));
  return (path) => {
    const methods = new Set(table.filter((r) => r.pattern.test(path)).map((r) => r.method));
    // Hono answers HEAD with the GET route, and OPTIONS is answered for every known path.
    if (methods.has("GET")) methods.add("HEAD");
    if (methods.size > 0) methods.add("OPTIONS");
    return [...methods].sort();
  };
}
