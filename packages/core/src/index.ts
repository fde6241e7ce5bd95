/**
 * @goodfaith/core — the pure core of Goodfaith: the event contract, money, promises as
 * code (a Bill of Rights in YAML with CEL conditions), the deterministic promise engine,
 * and the guard. No I/O: callers bring text and events, the core returns values.
 *
 * @example
 * ```ts
 * import { Engine, Guard, loadPromises, renderIssue, validateEvent } from "@goodfaith/core";
 *
 * const doc = loadPromises(yamlText, "promises.yaml");
 * if (!doc.ok) throw new Error(doc.issues.map((i) => renderIssue(i, "en")).join("\n"));
 * const engine = new Engine([doc.value]);
 * for (const raw of incoming) {
 *   const event = validateEvent(raw);
 *   if (event.ok) for (const outcome of engine.process(event.value)) console.log(outcome);
 * }
 * const warnings = new Guard(engine).check({ customer: "c-1", items: [{ sku: "isbn-1", kind: "book" }] });
 * ```
 */

export * from "./backtest/index.js";
export type { ExplainedExpression, ExplainedValue, Term } from "./cel/explain.js";
export { Engine, type EngineOptions } from "./engine/engine.js";
export type { EngineEvent } from "./engine/event-data.js";
export type {
  ApprovalReason,
  EvaluationFailure,
  Explanation,
  Outcome,
  RejectedEvent,
  Remedy,
} from "./engine/outcome.js";
export { jsonSafe, outcomeToJson } from "./engine/serialize.js";
export { splitTender, type TenderPart } from "./engine/tender.js";
export * from "./events/index.js";
export * from "./geo/index.js";
export {
  Guard,
  type GuardItem,
  type GuardRequest,
  type Warning,
  type WarningCode,
} from "./guard/guard.js";
export {
  interpolate,
  isLang,
  LANGS,
  type Lang,
  type Localized,
  negotiateLang,
} from "./i18n/lang.js";
export { REMEDY_ACTION_WORDS, type RemedyAction } from "./i18n/remedy-action-words.js";
export { REMEDY_STATUS_WORDS } from "./i18n/remedy-status-words.js";
export { renderIssue } from "./i18n/render-issue.js";
export {
  type Catalog,
  fail,
  formatPath,
  type Issue,
  type Location,
  ok,
  type Result,
} from "./issue.js";
export * from "./money/index.js";
// Both money and events name the points currency; it is the same constant.
export { POINTS } from "./money/index.js";
export * from "./notices/index.js";
export * from "./ports/index.js";
export {
  diffPromises,
  type FieldChange,
  type PromiseChange,
  type PromisesDiff,
} from "./promises/diff.js";
export type {
  AmountRule,
  CompiledPromise,
  ExpectRule,
  Governance,
  GuardRule,
  PromiseDocument,
  Reach,
  RemedyKind,
  Tender,
} from "./promises/document.js";
export { type DroppedPromises, droppedPromises } from "./promises/dropped.js";
export { parseDuration } from "./promises/duration.js";
export { type CappedIssues, capIssues, REPORTED_ISSUES } from "./promises/issue-cap.js";
export { loadPromises } from "./promises/load.js";
export {
  escapeHtml,
  type RenderHtmlOptions,
  renderHtml,
  renderMarkdown,
} from "./render/index.js";
