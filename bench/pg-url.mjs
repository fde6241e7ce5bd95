// @ts-check
import os from "node:os";

/**
 * `url` as a client of the `pg` package needs it: a URL without a user connects as the
 * operating system's user, as libpq and the store do (pg itself would send none), and
 * without the store's own `schema` parameter.
 * @param {string} url
 */
export function adminUrl(url) {
  const parsed = new URL(url);
  parsed.username ||= encodeURIComponent(
    process.env.PGUSER || process.env.USER || os.userInfo().username,
  );
  parsed.searchParams.delete("schema");
  return parsed.toString();
}
