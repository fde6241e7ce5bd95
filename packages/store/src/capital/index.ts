/** Relationship capital from the store: purchases from the log, remedies as incidents. */
export {
  type CapitalFromStoreOptions,
  capitalFromStore,
  type StoreCapital,
} from "./capital-from-store.js";
export { capitalJson } from "./json.js";
export { type RelationshipData, readRelationships, remedyRecord } from "./read-relationships.js";
export { reportViewFromStore } from "./report.js";
