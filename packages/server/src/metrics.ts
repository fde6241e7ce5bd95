/**
 * Counters for `GET /metrics` in the Prometheus text format (version 0.0.4). In-process and
 * per server: Prometheus sums over instances.
 */

type Labels = Readonly<Record<string, string>>;

interface Counter {
  readonly help: string;
  readonly values: Map<string, { labels: Labels; value: number }>;
}

/** One series of a counter, resolved once for a call site that counts it often. */
export interface Series {
  inc(by?: number): void;
}

/** The server's counters. */
export class Metrics {
  readonly #counters = new Map<string, Counter>();

  constructor() {
    this.#define("goodfaith_http_requests_total", "HTTP requests by route, method and status.");
    this.#define("goodfaith_events_ingested_total", "Events accepted into the log (new ids).");
    this.#define("goodfaith_events_duplicate_total", "Events whose id the log already had.");
    this.#define("goodfaith_events_rejected_total", "Events rejected as invalid.");
    this.#define("goodfaith_remedies_created_total", "Remedies created by ingested events.");
    this.#define("goodfaith_remedy_decisions_total", "Remedies approved or rejected over the API.");
    this.#define("goodfaith_guard_checks_total", "Guard checks, by whether they warned.");
  }

  #define(name: string, help: string): void {
    this.#counters.set(name, { help, values: new Map() });
  }

  #counter(name: string): Counter {
    const counter = this.#counters.get(name);
    if (counter === undefined) throw new Error(`unknown metric ${name}`);
    return counter;
  }

  /** Adds `by` (default 1) to counter `name` with `labels`. */
  inc(name: string, labels: Labels = {}, by = 1): void {
    add(this.#counter(name), seriesId(labels), labels, by);
  }

  /** Counter `name`'s series with `labels`; it is shown once counted, as with `inc`. */
  series(name: string, labels: Labels): Series {
    const counter = this.#counter(name);
    const id = seriesId(labels);
    return { inc: (by = 1) => add(counter, id, labels, by) };
  }

  /** Every counter in the Prometheus text exposition format. */
  render(): string {
    const lines: string[] = [];
    for (const [name, counter] of this.#counters) {
      lines.push(`# HELP ${name} ${counter.help}`, `# TYPE ${name} counter`);
      if (counter.values.size === 0 && !name.startsWith("goodfaith_http")) lines.push(`${name} 0`);
      for (const { labels, value } of counter.values.values()) {
        const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
        lines.push(pairs.length > 0 ? `${name}{${pairs.join(",")}} ${value}` : `${name} ${value}`);
      }
    }
    return `${lines.join("\n")}\n`;
  }
}

// Label names come in the same order from each call site; values joined are the series.
function seriesId(labels: Labels): string {
  let id = "";
  for (const key in labels) id += `${key}\u0000${labels[key]}\u0001`;
  return id;
}

function add(counter: Counter, id: string, labels: Labels, by: number): void {
  const entry = counter.values.get(id);
  if (entry === undefined) counter.values.set(id, { labels, value: by });
  else entry.value += by;
}

function escapeLabel(value: string): string {
  return value.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("\n", "\\n");
}
