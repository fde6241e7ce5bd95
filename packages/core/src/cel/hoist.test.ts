import { describe, expect, test } from "vitest";
import { compileExpression } from "./compile.js";
import { hoistSharedTerms } from "./hoist.js";

const FLIGHT = ["flight.arrived"];

function hoisted(source: string, types = FLIGHT): string | undefined {
  const compiled = compileExpression(source, types, "bool");
  if (!compiled.ok) throw new Error(compiled.error.message);
  return hoistSharedTerms(compiled.value, types)?.source;
}

describe("hoisting the shared part of a condition", () => {
  test("keeps the top-level terms that read only the flight, the route and the time", () => {
    expect(
      hoisted(
        "flight.controllable && (flight.arrivalDelayMinutes >= 180 || route.intraEu) && booking.passengerCount > 1",
      ),
    ).toBe("(flight.controllable) && (flight.arrivalDelayMinutes >= 180 || route.intraEu)");
  });

  test("a term that mentions a per-target variable stays per target", () => {
    expect(hoisted("flight.controllable || booking.passengerCount > 1")).toBeUndefined();
    expect(hoisted("booking.passengers.exists(p, p.age < 12)")).toBeUndefined();
  });

  test("a macro over shared data whose loop variable is not shared stays per target", () => {
    expect(hoisted("[1, 2].exists(x, x > 1) && route.known")).toBe("(route.known)");
  });

  test("customer events have nothing to hoist; both flight events share one set", () => {
    expect(hoisted("order.delivered", ["order.delivered"])).toBeUndefined();
    expect(
      hoisted("flight.controllable && booking.rebooked", ["flight.arrived", "flight.cancelled"]),
    ).toBe("(flight.controllable)");
  });
});
