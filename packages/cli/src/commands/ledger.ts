/**
 * `goodfaith ledger verify`: re-computes every hash chain and names the first entry that does
 * not match, then compares the remedies table with the remedies chain and the promise sets with
 * the promises chain; with `--checkpoint`, also checks signed checkpoints against the chains.
 * `goodfaith ledger checkpoint`: signs the verified head of every chain (Ed25519).
 */

import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Lang } from "@goodfaith/core";
import {
  type LedgerVerdict,
  storedLedgerSecret,
  type VerifiedChain,
  verifyLedger,
} from "@goodfaith/store";
import type { Command } from "commander";
import { afterHelp, examples } from "../help-texts/index.js";
import { type CliContext, EXIT } from "../io/context.js";
import { describeError, readTextSync } from "../io/file-error.js";
import { helpOf } from "../io/localized-command.js";
import { t } from "../messages.js";
import { printLedgerVerdict, tamperedMessage } from "./ledger-verdict.js";
import { dbHelp, openCliStore } from "./store-options.js";

/** A signed checkpoint as `ledger checkpoint` writes it. */
export type SignedCheckpoint = NonNullable<VerifiedChain["checkpoint"]>;

/** Where the signing key is generated when `--key` is not given, under the working directory. */
export const DEFAULT_SIGNING_KEY = join(".goodfaith", "ledger-signing-key.pem");
/** Its public half, written next to it (for `ledger verify --trusted-key`). */
export const DEFAULT_PUBLIC_KEY = join(".goodfaith", "ledger-signing-key.pub.pem");
/** Where checkpoints are written when `--out` is not given. */
export const DEFAULT_CHECKPOINT_DIR = join(".goodfaith", "checkpoints");

/** Options of `goodfaith ledger verify`. */
export interface LedgerVerifyOptions {
  readonly db?: string;
  readonly json?: boolean;
  /** Checkpoint files (one checkpoint, or an array of them) to check against the chains. */
  readonly checkpoints?: readonly string[];
  /** Public key PEM files a checkpoint's signer must be one of. */
  readonly trustedKeys?: readonly string[];
}

/**
 * `goodfaith ledger verify`: 0 when every chain (and checkpoint) verifies and the remedies
 * table and the promise sets agree with the ledger, 2 when not.
 */
export async function ledgerVerifyCommand(
  opts: LedgerVerifyOptions,
  ctx: CliContext,
): Promise<number> {
  let checkpoints: SignedCheckpoint[] | undefined;
  let trustedKeys: string[] | undefined;
  try {
    if (opts.checkpoints !== undefined && opts.checkpoints.length > 0) {
      checkpoints = opts.checkpoints.flatMap((f) => readCheckpointFile(f, ctx.lang));
    }
    if (opts.trustedKeys !== undefined && opts.trustedKeys.length > 0) {
      trustedKeys = opts.trustedKeys.map((f) => readKey(f, "public", ctx.lang));
    }
  } catch (error) {
    ctx.err(describeError(error, ctx.lang));
    return EXIT.failure;
  }
  const store = await openCliStore(opts.db, ctx, true);
  if (store === undefined) return EXIT.failure;
  let verdict: LedgerVerdict;
  try {
    verdict = await verifyLedger(store, {
      ...(checkpoints !== undefined && { checkpoints }),
      ...(trustedKeys !== undefined && { trustedKeys }),
      // Read, never made: verifying writes nothing. Without a secret no remedy could be on the
      // ledger, so every row would be reported, and rightly.
      remedies: { table: store, secret: (await storedLedgerSecret(store)) ?? "" },
      promiseSets: { table: store },
    });
  } catch (error) {
    ctx.err(error instanceof Error ? error.message : String(error));
    return EXIT.failure;
  } finally {
    await store.close();
  }
  const checked = verdict.checkpoints ?? [];
  const ok =
    verdict.ok &&
    checked.every((c) => c.verdict.ok) &&
    verdict.remedies?.ok !== false &&
    verdict.promiseSets?.ok !== false;
  if (opts.json) {
    ctx.out(JSON.stringify({ ...verdict, ok, chainsOk: verdict.ok }));
    return ok ? EXIT.ok : EXIT.invalid;
  }
  printLedgerVerdict(ctx, verdict, ok, trustedKeys !== undefined);
  return ok ? EXIT.ok : EXIT.invalid;
}

/** Options of `goodfaith ledger checkpoint`. */
export interface LedgerCheckpointOptions {
  readonly db?: string;
  /** A PKCS#8 PEM Ed25519 private key file. @default DEFAULT_SIGNING_KEY, generated if missing */
  readonly key?: string;
  /** Where to write the checkpoint (an array of them when there are several chains). */
  readonly out?: string;
  /** Only this chain. */
  readonly chain?: string;
  readonly json?: boolean;
  /** The directory default paths are under. @default process.cwd() */
  readonly cwd?: string;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * `goodfaith ledger checkpoint`: verifies every chain, signs each head, prints the signed
 * checkpoints and writes them. 0 when signed, 2 when a chain does not verify (nothing is
 * signed then), 1 when the key or a file cannot be read or written.
 */
export async function ledgerCheckpointCommand(
  opts: LedgerCheckpointOptions,
  ctx: CliContext,
): Promise<number> {
  const cwd = opts.cwd ?? process.cwd();
  // A given key is only read, so it is checked first; a missing default key is generated only
  // once the store has opened, so that a missing or unreachable store leaves no key behind.
  let privateKey: string | undefined;
  const key = (): string => privateKey ?? loadOrCreateKey(opts.key, cwd, ctx);
  if (opts.key !== undefined) {
    try {
      privateKey = key();
    } catch (error) {
      ctx.err(describeError(error, ctx.lang));
      return EXIT.failure;
    }
  }
  const store = await openCliStore(opts.db, ctx, true);
  if (store === undefined) return EXIT.failure;
  try {
    privateKey = key();
  } catch (error) {
    ctx.err(describeError(error, ctx.lang));
    await store.close();
    return EXIT.failure;
  }
  let verdict: LedgerVerdict;
  try {
    verdict = await verifyLedger(store, { sign: { privateKey, at: (opts.now ?? Date.now)() } });
  } catch (error) {
    ctx.err(error instanceof Error ? error.message : String(error));
    return EXIT.failure;
  } finally {
    await store.close();
  }
  if (!verdict.ok) {
    ctx.err(tamperedMessage(ctx, verdict));
    ctx.err(t(ctx.lang, "checkpointRefused"));
    return EXIT.invalid;
  }
  const signed = verdict.chains
    .filter((c) => opts.chain === undefined || c.chain === opts.chain)
    .flatMap((c) => (c.checkpoint === undefined ? [] : [c.checkpoint]));
  if (signed.length === 0) {
    ctx.err(t(ctx.lang, "checkpointNothing", { chain: opts.chain ?? "*" }));
    return EXIT.failure;
  }
  const written: { checkpoint: SignedCheckpoint; file: string }[] = [];
  try {
    if (opts.out !== undefined) {
      const file = resolve(cwd, opts.out);
      const [one] = signed;
      writeJson(file, signed.length === 1 && one !== undefined ? one : signed);
      for (const checkpoint of signed) written.push({ checkpoint, file });
    } else {
      for (const checkpoint of signed) {
        const file = resolve(
          cwd,
          DEFAULT_CHECKPOINT_DIR,
          `${safeName(checkpoint.chain)}-${checkpoint.seq}.json`,
        );
        writeJson(file, checkpoint);
        written.push({ checkpoint, file });
      }
    }
  } catch (error) {
    ctx.err(describeError(error, ctx.lang));
    return EXIT.failure;
  }
  for (const { checkpoint, file } of written) {
    if (opts.json) {
      ctx.out(JSON.stringify(checkpoint));
    } else {
      ctx.out(
        t(ctx.lang, "checkpointSigned", {
          chain: checkpoint.chain,
          seq: checkpoint.seq,
          file,
        }),
      );
      ctx.out(JSON.stringify(checkpoint, null, 2));
    }
  }
  return EXIT.ok;
}

// The private key PEM: `--key`, else the default file, generated (0600) when missing.
function loadOrCreateKey(key: string | undefined, cwd: string, ctx: CliContext): string {
  if (key !== undefined) return readKey(resolve(cwd, key), "private", ctx.lang);
  const file = resolve(cwd, DEFAULT_SIGNING_KEY);
  if (existsSync(file)) return readKey(file, "private", ctx.lang);
  const pair = generateKeyPairSync("ed25519", {
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  mkdirSync(dirname(file), { recursive: true });
  // `wx`: never overwrite a key another process wrote in the meantime.
  writeFileSync(file, pair.privateKey, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600); // the mode of a new file is masked by the umask
  const pub = resolve(cwd, DEFAULT_PUBLIC_KEY);
  writeFileSync(pub, pair.publicKey, { mode: 0o644 });
  ctx.err(t(ctx.lang, "signingKeyCreated", { file, pub }));
  return pair.privateKey;
}

// An Ed25519 key PEM, checked now so that a wrong file is named rather than OpenSSL's error.
function readKey(file: string, kind: "private" | "public", lang: Lang): string {
  const pem = readTextSync(file);
  let type: string | undefined;
  try {
    type = (kind === "private" ? createPrivateKey(pem) : createPublicKey(pem)).asymmetricKeyType;
  } catch {
    type = undefined;
  }
  if (type !== "ed25519")
    throw new Error(t(lang, kind === "private" ? "notPrivateKey" : "notPublicKey", { file }));
  return pem;
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

// A chain name as a file name: anything but letters, digits, `.`, `_` and `-` becomes `_`.
function safeName(chain: string): string {
  return chain.replace(/[^A-Za-z0-9._-]/g, "_");
}

// A checkpoint file holds one checkpoint or an array of them.
function readCheckpointFile(file: string, lang: Lang): SignedCheckpoint[] {
  const text = readTextSync(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  if (list.length === 0 || !list.every((c) => typeof c === "object" && c !== null)) {
    throw new Error(t(lang, "notCheckpoint", { file }));
  }
  // The form of every field is checked by the verification itself (a `malformed` verdict).
  return list as SignedCheckpoint[];
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds `goodfaith ledger verify` and `goodfaith ledger checkpoint` to `program`. */
export function registerLedgerCommands(
  program: Command,
  ctx: () => CliContext,
  setExit: (code: number) => void,
): void {
  const h = helpOf(program);
  const ledger = program.command("ledger").description(h("ledger"));
  ledger
    .command("verify")
    .description(h("ledgerVerify"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--checkpoint <file>", h("ledgerCheckpointOption"), collect)
    .option("--trusted-key <public-key.pem>", h("ledgerTrustedKey"), collect)
    .option("--json", h("ledgerVerifyJson"))
    .addHelpText(
      "after",
      afterHelp(
        h("ledgerVerifyNotes"),
        examples(h("example"), [
          "goodfaith ledger checkpoint --out checkpoint.json",
          "goodfaith ledger verify --checkpoint checkpoint.json --trusted-key .goodfaith/ledger-signing-key.pub.pem",
        ]),
      ),
    )
    .action(
      async (opts: { db?: string; json?: boolean; checkpoint?: string[]; trustedKey?: string[] }) =>
        setExit(
          await ledgerVerifyCommand(
            {
              ...(opts.db !== undefined && { db: opts.db }),
              ...(opts.json !== undefined && { json: opts.json }),
              ...(opts.checkpoint !== undefined && { checkpoints: opts.checkpoint }),
              ...(opts.trustedKey !== undefined && { trustedKeys: opts.trustedKey }),
            },
            ctx(),
          ),
        ),
    );
  ledger
    .command("checkpoint")
    .description(h("ledgerCheckpoint"))
    .option("--db <path-or-url>", dbHelp(h))
    .option("--key <private-key.pem>", h("ledgerKey", { path: DEFAULT_SIGNING_KEY }))
    .option("--out <file>", h("ledgerOut", { dir: DEFAULT_CHECKPOINT_DIR }))
    .option("--chain <name>", h("ledgerChain"))
    .option("--json", h("ledgerCheckpointJson"))
    .action(
      async (opts: { db?: string; key?: string; out?: string; chain?: string; json?: boolean }) =>
        setExit(
          await ledgerCheckpointCommand(
            {
              ...(opts.db !== undefined && { db: opts.db }),
              ...(opts.key !== undefined && { key: opts.key }),
              ...(opts.out !== undefined && { out: opts.out }),
              ...(opts.chain !== undefined && { chain: opts.chain }),
              ...(opts.json !== undefined && { json: opts.json }),
            },
            ctx(),
          ),
        ),
    );
}
