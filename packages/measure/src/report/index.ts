/**
 * The "customer delight first" report: what customers lived through (promises kept, problems
 * put right before they asked), the worst failures and what they cost in relationships, then
 * the operating figures — as text for a terminal or a standalone HTML page with SVG charts,
 * in English, Chinese and Swedish.
 */
export { type ReportLabelKey, type ReportLabels, reportLabels } from "./messages.js";
export { renderReportHtml } from "./render-html.js";
export { renderReportText } from "./render-text.js";
export { barChartSvg } from "./svg.js";
export {
  type Bar,
  buildReportView,
  type Chart,
  capitalUnavailableText,
  type ReportInput,
  type ReportView,
  type Section,
  type Table,
} from "./view.js";
