/** Stable codes for expected failures; `message` is English text for people, the code is for code. */
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

/** An expected failure, as data. Issues found in input text carry a 1-based line and column. */
export interface Issue {
  readonly code: IssueCode;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** An issue located in input text. */
export interface InputIssue extends Issue {
  readonly line: number;
  readonly column: number;
}

/** Either a value or the issues that prevented it; bad input is never an exception. */
export type Result<T, I extends Issue = Issue> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly I[] };
