/**
 * Retiring settled cases and warnings: their figures stay in the tallies; what stays of them
 * for explanations is, per count and bucket, how many there were and the ids of the few with
 * the smallest keys — a bounded sample that depends only on which entities were retired, not
 * on the order they were retired in.
 */
import type { ExplainedItem, Ids, RetiredSample } from "./explain.js";
import { caseKey, type State } from "./state.js";

/** The retired entities behind one count of one bucket: how many counts, and the smallest keys' facts. */
export class RetiredEntry implements RetiredSample {
  total = 0;
  readonly sample: {
    readonly entity: string;
    readonly ids: Ids;
    readonly items: readonly ExplainedItem[];
  }[] = [];

  /**
   * Counts a retired entity's items (the counts it made here), keeping them and its ids if its
   * key is among the `size` smallest.
   */
  add(entity: string, ids: Ids, items: readonly ExplainedItem[], size: number): void {
    this.total += items.length;
    const last = this.sample[this.sample.length - 1];
    if (this.sample.length >= size && last !== undefined && last.entity < entity) return;
    const at = this.sample.findIndex((s) => s.entity > entity);
    this.sample.splice(at === -1 ? this.sample.length : at, 0, { entity, ids, items });
    if (this.sample.length > size) this.sample.pop();
  }
}

/** Drops a case or warning, and everything only it referred to, from the state. */
export function forget(state: State, entity: string): void {
  const id = entity.slice(2);
  if (entity.startsWith("w:")) {
    const w = state.warnings.get(id);
    state.warnings.delete(id);
    if (w) state.customers.get(w.customer)?.warnings.delete(id);
    return;
  }
  const c = state.cases.get(id);
  if (!c) return;
  state.cases.delete(id);
  state.customers.get(c.customer)?.cases.delete(id);
  const flight = c.transaction?.flight;
  if (flight !== undefined) state.flights.get(flight)?.bookings.delete(id);
  for (const key of c.remedies) state.remedies.delete(key);
  for (const session of c.sessions.keys()) {
    const own = caseKey(c.customer, { type: "session", id: session });
    const orders = state.sessionOrders.get(own);
    orders?.delete(id);
    if (orders?.size === 0) state.sessionOrders.delete(own);
  }
}
