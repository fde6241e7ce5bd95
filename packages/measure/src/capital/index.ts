/**
 * Relationship capital from the event log: customer equity, value at risk from promises put
 * right late or not at all, the write-down of relationships lost, and the value each promise
 * protected. Pure; `@goodfaith/store` reads the purchases and remedies.
 */
export {
  type CapitalIssue,
  type CapitalOptions,
  type CustomerCapital,
  type FitCapitalOptions,
  fitRelationshipCapital,
  type RelationshipCapital,
  relationshipCapital,
  type ValueSum,
} from "./capital.js";
export {
  atRisk,
  type Incident,
  type IncidentStatus,
  incidentsIn,
  incidentsOf,
  type RemedyRecord,
} from "./incidents.js";
export { expectedMoney } from "./money.js";
export { monthUpTo, parsePeriod, periodBounds, type ReportPeriod } from "./period.js";
export { type Purchase, type PurchaseLog, purchaseLog, purchaseOf } from "./purchases.js";
export { type CapitalModels, type Valuation, valueCustomers } from "./value-customers.js";
