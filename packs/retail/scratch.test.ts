import { it } from "vitest";
import { compileExpression } from "../../packages/core/src/cel/compile.js";
it("probe", () => {
  const probes: [string, string, "bool" | "Money" | "google.protobuf.Timestamp"][] = [
    ["price.changed", 'price.price < purchase.netPrice && event.time - purchase.at <= duration("336h")', "bool"],
    ["price.changed", "(purchase.netPrice - price.price) * purchase.quantity", "Money"],
    ["order.placed", 'order.placedAt + duration("72h")', "google.protobuf.Timestamp"],
    ["order.placed", "order.promisedDeliveryBy", "google.protobuf.Timestamp"],
    ["order.placed", 'order.items.exists(i, i.kind in ["physical", "consumable"]) || has(order.promisedDeliveryBy)', "bool"],
    ["service.outage", "subscription.price * (double(outage.durationMinutes) / double(subscription.periodMinutes))", "Money"],
    ["stream.session", "size(order.items) > 0 && session.rebufferRatio > 0.02", "bool"],
    ["support.contact", 'has(contact.previousUnresolvedAt) && event.time - contact.previousUnresolvedAt <= duration("168h")', "bool"],
    ["payment.charged", "min(payment.amount, order.charged - order.paid)", "Money"],
    ["order.placed", "order.shipping.minor > 0", "bool"],
  ];
  for (const [t, src, ty] of probes) {
    const r = compileExpression(src, [t], ty);
    console.log(t, src, r.ok ? "OK" : JSON.stringify(r.error));
  }
});
