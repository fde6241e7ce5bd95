import type { TransactionMessageKey } from "./transaction-messages.js";

/** Stable codes for expected failures: the code is for code, the message for people. */
export type IssueCode =
  | "bad-field-count"
  | "bad-customer"
  | "bad-date"
  | "bad-quantity"
  | "bad-amount"
  | "bad-quoting"
  | "missing-column"
  | "duplicate-column"
  | "no-transactions"
  | "too-many-issues"
  | "no-customers"
  | "no-repeat-spend";

/** An expected failure of fitting or valuing, as data; `message` is English text for people. */
export interface Issue {
  readonly code: IssueCode;
  readonly message: string;
}

/**
 * A problem in input text: a stable code, a message key and its parameters (rendered by
 * `renderInputIssue` in a language), and where it is, 1-based, kept out of the message.
 */
export interface InputIssue {
  readonly code: IssueCode;
  readonly messageKey: TransactionMessageKey;
  readonly params: Readonly<Record<string, string | number>>;
  readonly line: number;
  readonly column: number;
}

/** Either a value or the issues that prevented it; bad input is never an exception. */
export type Result<T, I = Issue> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly I[] };
