/**
 * What a promise's expressions read for one target: the target's variables (the booking,
 * the passenger, the flight…) and `event`, `now` and `customer`. A context is built for
 * every passenger of every booking a promise listens to — 1.5 million for a million airline
 * events — and most conditions read only the booking or the passenger, so this is one
 * object of one shape whose `event`, `now` and `customer` are made on first read, instead
 * of a spread of the variables and three objects nobody may look at.
 */
import { VARIABLE_TYPES } from "../cel/environment.js";
import { CustomerView, EventView } from "../cel/views.js";
import type { EngineEvent } from "./event-data.js";
import type { EngineState } from "./state.js";
import type { Target } from "./targets.js";

export class EvaluationContext {
  readonly #event: EngineEvent;
  readonly #target: Target;
  readonly #at: number;
  readonly #state: EngineState;
  #eventView?: EventView;
  #now?: Date;
  #customer?: CustomerView;

  constructor(event: EngineEvent, target: Target, at: number, state: EngineState) {
    this.#event = event;
    this.#target = target;
    this.#at = at;
    this.#state = state;
  }

  get event(): EventView {
    const e = this.#event;
    this.#eventView ??= new EventView(e.id, e.type, e.time, this.#target.customer);
    return this.#eventView;
  }

  get now(): Date {
    this.#now ??= new Date(this.#at);
    return this.#now;
  }

  get customer(): CustomerView {
    this.#customer ??= new CustomerView(this.#state.customers, this.#target.customer);
    return this.#customer;
  }

  /** The target's own variable `name`, as CEL reads it (undefined when it has none). */
  variable(name: string): unknown {
    return this.#target.vars[name];
  }
}

// The target's variables as properties of the prototype, so CEL's `context[name]` finds
// them without copying them into each context.
for (const name of Object.keys(VARIABLE_TYPES)) {
  Object.defineProperty(EvaluationContext.prototype, name, {
    get(this: EvaluationContext) {
      return this.variable(name);
    },
  });
}
