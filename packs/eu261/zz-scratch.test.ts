import { it } from "vitest";
import { loadPack, run, remediesOf, amountText } from "../../test/support/packs.js";
import { compileExpression } from "../../packages/core/src/cel/compile.js";
it("loads", () => {
  const doc = loadPack("eu261");
  console.log(doc.promises.map((p) => p.id));
  for (const src of [
    "flight.actualArrival - flight.scheduledArrival >= duration('3h')",
    "flight.scheduledDeparture > event.time ? flight.scheduledDeparture : event.time",
    "has(booking.rebookedAt) && booking.rebookedAt < flight.scheduledDeparture",
    "route.domestic ? 180 : 360",
  ]) {
    const r = compileExpression(src, ["flight.arrived", "flight.cancelled"], src.includes("?") && !src.includes("180") ? "google.protobuf.Timestamp" : "bool");
    console.log(src, JSON.stringify(r.ok ? "ok" : r.error));
  }
  const out = run(["eu261"], [
    { id: "b1", type: "booking.created", time: "2026-11-01T10:00:00Z", customer: "c1", data: { booking: "B1", flight: "LH400@2026-11-20", carrier: { code: "LH", euLicensed: true }, origin: "FRA", destination: "JFK", passengers: [{ id: "p1" }, { id: "p2" }], fare: "900.00", currency: "EUR", payments: [{ method: "card", amount: "900.00" }] } },
    { id: "f1", type: "flight.arrived", time: "2026-11-20T20:00:00Z", data: { flight: "LH400@2026-11-20", carrier: { code: "LH", euLicensed: true }, origin: "FRA", destination: "JFK", scheduledArrival: "2026-11-20T16:00:00Z", actualArrival: "2026-11-20T19:30:00Z", controllable: true, cause: "crew shortage" } },
  ]);
  console.log(JSON.stringify(out, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 1).slice(0, 3000));
  console.log(remediesOf(out).map(amountText));
});
