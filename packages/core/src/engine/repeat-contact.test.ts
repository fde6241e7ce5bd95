import { beforeEach, describe, expect, test } from "vitest";
import { loadPromises } from "../promises/load.js";
import { Engine } from "./engine.js";
import type { EngineEvent } from "./event-data.js";
import type { Outcome, Remedy } from "./outcome.js";

// The support pack's escalation, reduced to what the streak needs: the first return within
// 7 days of the previous unresolved contact on a topic escalates, once per unresolved run.
const YAML = `
goodfaith: 1
company: Desk
version: "1"
currency: EUR
promises:
  - id: escalate
    title: { en: Escalate, zh-CN: 升级, sv: Eskalera }
    text: { en: A senior colleague takes it on, zh-CN: 资深专员接手, sv: En kollega tar över }
    on: support.contact
    when: >-
      !contact.resolved
      && has(contact.previousUnresolvedAt)
      && event.time - contact.previousUnresolvedAt <= duration("168h")
      && !(has(contact.quickestReturn) && contact.quickestReturn <= duration("168h"))
    remedy: { kind: gesture, gesture: { en: Escalate, zh-CN: 升级, sv: Eskalera } }
`;

function doc() {
  const d = loadPromises(YAML);
  if (!d.ok) throw new Error(JSON.stringify(d.issues));
  return d.value;
}

const DAY = 86_400_000;
const START = Date.parse("2026-03-02T09:00:00Z");
let seq = 0;

/** An unresolved contact `day` days (fractions allowed) after the start, on `topic`. */
function contact(
  day: number,
  o: { topic?: string; resolved?: boolean; customer?: string } = {},
): EngineEvent {
  seq += 1;
  return {
    id: `e${seq}`,
    type: "support.contact",
    time: new Date(START + day * DAY).toISOString(),
    customer: o.customer ?? "c1",
    data: {
      contact: `ct${seq}`,
      channel: "phone",
      waitedSeconds: 60,
      topic: o.topic ?? "login",
      resolved: o.resolved ?? false,
    },
  };
}

beforeEach(() => {
  seq = 0;
});

const remedies = (out: readonly Outcome[]) => {
  expect(out.filter((o) => o.type !== "remedy")).toEqual([]);
  return out.filter((o): o is Remedy => o.type === "remedy");
};
/** The days after the start on which an escalation fired. */
const escalatedOn = (events: readonly EngineEvent[]) =>
  remedies(new Engine([doc()]).processAll(events)).map((r) => (Date.parse(r.at) - START) / DAY);

describe("repeat contacts escalate once per unresolved run on a topic", () => {
  test("the first return within 7 days escalates, even after a late one; later ones do not", () => {
    expect(escalatedOn([contact(0), contact(10), contact(12), contact(13)])).toEqual([12]);
  });

  test("a run that came back quickly once stays escalated, however slow and quick it goes on", () => {
    // Day 22 is 2 days after day 20, but the run escalated on day 2 and is still unresolved.
    expect(escalatedOn([contact(0), contact(2), contact(20), contact(22)])).toEqual([2]);
  });

  test("a resolving contact ends the run; a new run can escalate again", () => {
    const events = [
      contact(0),
      contact(1),
      contact(3),
      contact(4, { resolved: true }),
      contact(5),
      contact(6),
      contact(7),
    ];
    expect(escalatedOn(events)).toEqual([1, 6]);
  });

  test("each topic and each customer has its own run", () => {
    const events = [
      contact(0, { topic: "login" }),
      contact(0.5, { topic: "refund" }),
      contact(1, { topic: "login" }),
      contact(1, { topic: "login", customer: "c2" }),
      contact(2, { topic: "refund" }),
      contact(2, { topic: "login", customer: "c2" }),
      contact(3, { topic: "login" }),
      contact(4, { topic: "refund" }),
    ];
    const rs = remedies(new Engine([doc()]).processAll(events));
    expect(rs.map((r) => [r.customer, r.incident])).toEqual([
      ["c1", "contact:ct3"],
      ["c1", "contact:ct5"],
      ["c2", "contact:ct6"],
    ]);
  });

  test("the explanation shows the run had not come back quickly before", () => {
    const [r] = remedies(new Engine([doc()]).processAll([contact(0), contact(10), contact(12)]));
    const terms = new Map(
      (r?.explanation.condition?.terms ?? []).map((t) => [t.expr, t.value] as const),
    );
    expect(terms.get("has(contact.quickestReturn)")).toBe(true);
    expect(terms.get("contact.quickestReturn")).toBe(`${10 * 86_400}s`);
    expect(terms.get('contact.quickestReturn <= duration("168h")')).toBe(false);
  });
});

describe("the run survives checkpoints", () => {
  const stream = () => [
    contact(0),
    contact(0.5, { topic: "refund" }),
    contact(6, { topic: "refund" }),
    contact(10),
    contact(12),
    contact(13),
    contact(14, { resolved: true }),
    contact(15),
    contact(16),
    contact(17),
  ];

  test("a snapshot taken anywhere in the run resumes exactly as a full replay", () => {
    const events = stream();
    const whole = new Engine([doc()]);
    const full = whole.processAll(events);
    expect(remedies(full).map((r) => r.incident)).toEqual([
      "contact:ct3",
      "contact:ct5",
      "contact:ct9",
    ]);
    for (let cut = 1; cut < events.length; cut++) {
      const first = new Engine([doc()]);
      const out = first.processAll(events.slice(0, cut));
      const resumed = Engine.restore([doc()], first.snapshot());
      out.push(...resumed.processAll(events.slice(cut)));
      expect(out, `cut after ${cut} events`).toEqual(full);
      expect(resumed.snapshot(), `state after cut ${cut}`).toBe(whole.snapshot());
    }
  });

  test("a snapshot from before runs were measured still loads; its runs count from their latest contact", () => {
    const engine = new Engine([doc()]);
    remedies(engine.processAll([contact(0), contact(2)]));
    const old = engine.snapshot().replaceAll(/,"quickestReturnMs":\d+/g, "");
    expect(old).not.toBe(engine.snapshot());
    // The run escalated on day 2; the old snapshot cannot know that, so a quick return
    // escalates once more, as it did before runs were measured, and then not again.
    const resumed = Engine.restore([doc()], old);
    const rs = remedies(resumed.processAll([contact(3), contact(4)]));
    expect(rs.map((r) => (Date.parse(r.at) - START) / DAY)).toEqual([3]);
  });
});
