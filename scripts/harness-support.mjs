// @ts-check
/**
 * What the crash harnesses share (scripts/crash-harness.mjs for ingestion,
 * scripts/outbox-crash-harness.mjs for execution): the built CLI run as a child process that
 * can be killed at any instant, scratch databases (SQLite files or PostgreSQL schemas, all
 * dropped at the end), `goodfaith ledger verify`'s verdict, and the command line.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** The repository. */
export const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** The built CLI (`npx tsc -b`). */
export const CLI = join(ROOT, "packages/cli/dist/main.js");

/** Like libpq (and the store): a URL without a user connects as the operating system's user. */
export function withUser(url) {
  const parsed = new URL(url);
  parsed.username ||= encodeURIComponent(
    process.env.PGUSER || process.env.USER || userInfo().username,
  );
  return parsed.toString();
}

/** Runs `work` on a short-lived connection to `url` (its `schema` parameter ignored). @param {string} url @param {(client: pg.Client) => Promise<void>} work */
export async function pgAdmin(url, work) {
  const u = new URL(withUser(url));
  u.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Whether PostgreSQL answers at `url`: undefined if so, else why not. @param {string} url */
export async function postgresProblem(url) {
  try {
    await pgAdmin(url, async (c) => {
      await c.query("select 1");
    });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || String(error) : String(error);
  }
}

/**
 * @typedef {object} CliExit
 * @property {number | null} code
 * @property {string | null} signal
 * @property {boolean} killed Ended by the SIGKILL this module sent (`killAfterMs` or `kill()`).
 * @property {boolean} timedOut
 * @property {string} stderr
 * @property {number} ms
 */

/**
 * @typedef {object} CliProcess
 * @property {number | undefined} pid
 * @property {() => boolean} kill Sends SIGKILL now (false if the process is already gone).
 * @property {(signal: NodeJS.Signals) => boolean} signal Sends another signal (SIGTERM: a stop).
 * @property {Promise<CliExit>} done Once the process is gone and its stdout fully read.
 */

/**
 * Starts the CLI. With `killAfterMs`, sends SIGKILL after that long unless it exited first;
 * after `timeoutMs` it is killed and counted as timed out. `onLine` gets each whole stdout line.
 * @param {string[]} args
 * @param {{ killAfterMs?: number, timeoutMs: number, onLine?: (line: string) => void }} opts
 * @returns {CliProcess}
 */
export function startCli(args, opts) {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let killed = false;
  let timedOut = false;
  let pending = "";
  let stderr = "";
  const kill = () => {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    killed = child.kill("SIGKILL") || killed;
    return killed;
  };
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    pending += chunk;
    let nl = pending.indexOf("\n");
    while (nl >= 0) {
      opts.onLine?.(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
      nl = pending.indexOf("\n");
    }
  });
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  const killTimer = opts.killAfterMs === undefined ? undefined : setTimeout(kill, opts.killAfterMs);
  const timeout = setTimeout(() => {
    timedOut = true;
    child.kill("SIGKILL");
  }, opts.timeoutMs);
  /** @type {Promise<CliExit>} */
  const done = new Promise((resolve, reject) => {
    child.on("error", reject);
    // 'close': the process is gone and its stdout fully read (a partial last line is dropped:
    // an acknowledgement only counts when its whole line arrived).
    child.on("close", (code, signal) => {
      clearTimeout(killTimer);
      clearTimeout(timeout);
      resolve({
        code,
        signal,
        killed: killed && signal === "SIGKILL",
        timedOut,
        stderr,
        ms: performance.now() - started,
      });
    });
  });
  return { pid: child.pid, kill, signal: (s) => child.kill(s), done };
}

/**
 * Runs the CLI once (see `startCli`).
 * @param {string[]} args
 * @param {{ killAfterMs?: number, timeoutMs: number, onLine?: (line: string) => void }} opts
 * @returns {Promise<CliExit>}
 */
export function runCli(args, opts) {
  return startCli(args, opts).done;
}

/** `goodfaith ledger verify --json`'s verdict, with its exit code. @param {string} db */
export async function captureVerify(db) {
  /** @type {string[]} */
  const lines = [];
  const r = await runCli(["ledger", "verify", "--db", db, "--json"], {
    timeoutMs: 120_000,
    onLine: (l) => lines.push(l),
  });
  try {
    return { ...JSON.parse(lines.join("\n")), exit: r.code };
  } catch {
    return { ok: false, exit: r.code, output: lines.join("\n"), stderr: r.stderr };
  }
}

/**
 * @typedef {object} ScratchDatabases
 * @property {boolean} postgres
 * @property {string} dir A temporary folder (the SQLite files, anything else a harness writes).
 * @property {(name: string) => string} url A fresh database: a SQLite file, or a new schema.
 * @property {(db: string) => Promise<void>} dispose Drops one.
 * @property {() => Promise<void>} cleanup Drops them all, and the folder.
 */

/**
 * Scratch databases on `target`: "sqlite" (files in a temporary folder) or a postgres:// URL
 * (a schema per database, named after `prefix` and a random run id).
 * @param {string} target
 * @param {string} prefix
 * @returns {ScratchDatabases}
 */
export function scratchDatabases(target, prefix) {
  const postgres = /^postgres(?:ql)?:\/\//i.test(target);
  const dir = mkdtempSync(join(tmpdir(), `${prefix.replaceAll("_", "-")}-`));
  const run = `${prefix}_${randomBytes(4).toString("hex")}`;
  /** @type {string[]} */
  const schemas = [];
  return {
    postgres,
    dir,
    url(name) {
      if (!postgres) return join(dir, `${name}.db`);
      const schema = `${run}_${name}`;
      schemas.push(schema);
      const u = new URL(target);
      u.searchParams.set("schema", schema);
      return u.toString();
    },
    async dispose(db) {
      if (!postgres) {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(db + suffix, { force: true });
        return;
      }
      const schema = new URL(db).searchParams.get("schema");
      await pgAdmin(target, async (c) => {
        await c.query(`drop schema if exists "${schema}" cascade`);
      });
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
      if (postgres && schemas.length > 0) {
        await pgAdmin(target, async (c) => {
          for (const s of schemas) await c.query(`drop schema if exists "${s}" cascade`);
        }).catch(() => {});
      }
    },
  };
}

/** `--name value` from the command line, else `fallback`. @param {string} name @param {string} fallback */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

/** Whether the module at `url` (its `import.meta.url`) is the script node was started with. @param {string} url */
export function isMain(url) {
  return process.argv[1] !== undefined && fileURLToPath(url) === process.argv[1];
}
