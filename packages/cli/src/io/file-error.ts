import { readFileSync } from "node:fs";
import type { Lang } from "@goodfaith/core";
import { type MessageKey, t } from "../messages.js";

// The file system errors a user can act on, in words; any other code is named as it is.
const REASONS: Readonly<Record<string, MessageKey>> = {
  ENOENT: "fileMissing",
  EACCES: "fileDenied",
  EPERM: "fileDenied",
  EISDIR: "fileIsFolder",
  ENOTDIR: "fileNotFolder",
  // Only a recursive mkdir meets it: a file stands where a folder has to be made.
  EEXIST: "fileNotFolder",
};

/**
 * What went wrong, for the reader: a file system error names its file (`file` when the error
 * does not, as a failed read does not) and says why in the reader's language, never Node's
 * `ENOENT: no such file or directory, open …`; any other error is its own message.
 */
export function describeError(error: unknown, lang: Lang, file?: string): string {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const at = path ?? file;
  if (code !== undefined && /^E[A-Z]+$/.test(code) && at !== undefined) {
    const reason = REASONS[code];
    return reason === undefined
      ? t(lang, "fileFailed", { file: at, code })
      : t(lang, reason, { file: at });
  }
  return error instanceof Error ? error.message : String(error);
}

/** A text file's contents; its error names the file even where Node's does not (EISDIR). */
export function readTextSync(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    (error as NodeJS.ErrnoException).path ??= file;
    throw error;
  }
}
