// Incidents as the remedy store knows them, and whether each was put right in time. The
// remedy store sees an incident only when a promise fired on it; a broken business promise
// that no promise covers (see the scorecard) is not an incident here.
import type { RemedyKind } from "@goodfaith/core";
import { periodBounds, type ReportPeriod } from "./period.js";

/** A remedy as capital needs it (the store's `StoredRemedy`, reduced). Times are epoch ms. */
export interface RemedyRecord {
  readonly key: string;
  readonly promise: string;
  readonly customer: string;
  readonly kind: RemedyKind;
  /** What the incident is about, e.g. `order:o-7`; remedies of one incident share it. */
  readonly subject: string;
  /** Event time of the incident. */
  readonly at: number;
  readonly dueBy?: number;
  /** When it was executed, if it was. */
  readonly executedAt?: number;
  /** Rejected or cancelled: it will never be executed. */
  readonly withdrawn: boolean;
}

/**
 * How an incident stands: `on-time` (put right by its deadline, or with no deadline),
 * `late` (put right after it, or not yet and the deadline has passed), `unremedied` (nothing
 * that puts it right will happen: only a notice, or every remedy withdrawn), `pending` (a
 * remedy is owed and not yet due).
 */
export type IncidentStatus = "on-time" | "late" | "unremedied" | "pending";

/** One customer's incident: every remedy of one customer and subject. */
export interface Incident {
  readonly customer: string;
  readonly subject: string;
  /** The earliest incident time of its remedies. */
  readonly at: number;
  /** Every promise that fired on it. */
  readonly promises: readonly string[];
  /** Promises whose remedy put it right by its deadline. */
  readonly keptBy: readonly string[];
  readonly status: IncidentStatus;
  /** Time from the incident to the first remedy that put it right, ms. */
  readonly timeToRemedyMs?: number;
}

/** A notice tells; only these kinds put a problem right. */
const FIXES: ReadonlySet<RemedyKind> = new Set(["refund", "credit", "points", "gesture"]);

/** Whether an incident costs trust: put right late, or not at all. */
export const atRisk = (i: Incident): boolean => i.status === "late" || i.status === "unremedied";

/** Groups remedies into incidents (customer + subject) as they stand at `asOf` (epoch ms). */
export function incidentsOf(remedies: Iterable<RemedyRecord>, asOf: number): Incident[] {
  const groups = new Map<string, RemedyRecord[]>();
  for (const r of remedies) {
    // A guard warning is advice before a purchase, not a failure.
    if (r.at > asOf || r.kind === "warning") continue;
    const id = `${r.customer}\u0000${r.subject}`;
    const group = groups.get(id);
    if (group) group.push(r);
    else groups.set(id, [r]);
  }
  return [...groups.values()].map((group) => incidentOf(group, asOf));
}

function incidentOf(group: readonly RemedyRecord[], asOf: number): Incident {
  const first = group[0] as RemedyRecord;
  const at = Math.min(...group.map((r) => r.at));
  const fixing = group.filter((r) => FIXES.has(r.kind) && !r.withdrawn);
  const executed = fixing.filter((r) => r.executedAt !== undefined && r.executedAt <= asOf);
  const dueBys = fixing.flatMap((r) => (r.dueBy === undefined ? [] : [r.dueBy]));
  // The incident's deadline is its most demanding remedy's: the customer was owed the first.
  const dueBy = dueBys.length > 0 ? Math.min(...dueBys) : undefined;
  const remediedAt =
    executed.length > 0 ? Math.min(...executed.map((r) => r.executedAt as number)) : undefined;
  let status: IncidentStatus;
  if (remediedAt !== undefined)
    status = dueBy !== undefined && remediedAt > dueBy ? "late" : "on-time";
  else if (fixing.length === 0) status = "unremedied";
  else status = dueBy !== undefined && dueBy < asOf ? "late" : "pending";
  const keptBy = executed
    .filter((r) => r.dueBy === undefined || (r.executedAt as number) <= r.dueBy)
    .map((r) => r.promise);
  return {
    customer: first.customer,
    subject: first.subject,
    at,
    promises: [...new Set(group.map((r) => r.promise))].sort(),
    keptBy: status === "on-time" ? [...new Set(keptBy)].sort() : [],
    status,
    ...(remediedAt !== undefined && { timeToRemedyMs: remediedAt - at }),
  };
}

/** The incidents whose time is in the period, as they stand at its end. */
export function incidentsIn(remedies: Iterable<RemedyRecord>, period: ReportPeriod): Incident[] {
  const { start, end } = periodBounds(period);
  return incidentsOf(remedies, end - 1).filter((i) => i.at >= start);
}
