import { z } from "zod";
import { causeFields } from "./cause-data.js";
import { bookingPayment, checkTenders, withTenderCurrencies } from "./payments.js";
import {
  airport,
  amount,
  carrier,
  checkTimeOrder,
  count,
  currency,
  documented,
  flightId,
  id,
  label,
  time,
} from "./primitives.js";

const passenger = documented(
  z.strictObject({
    id,
    name: documented(z.string().optional(), {
      description:
        "The passenger's name, as on the ticket. A notice about one passenger of a booking names them; without it, it says which passenger by position (2 of 3).",
    }),
    age: count.optional(),
    seat: label.optional(),
    guardian: id.optional(),
  }),
  {
    id: "Passenger",
    description:
      "A traveller on the booking. `guardian` is the id of another passenger on the same booking.",
  },
);

interface Route {
  readonly origin: string;
  readonly destination: string;
}

function checkRoute(route: Route, ctx: z.core.$RefinementCtx): void {
  if (route.origin === route.destination) {
    ctx.addIssue({
      code: "custom",
      message: "event.same_airport",
      path: ["destination"],
      params: { airport: route.origin },
    });
  }
}

/** Passenger ids are unique within a booking, and a guardian is another passenger on it. */
function checkPassengers(
  booking: {
    readonly passengers: readonly { readonly id: string; readonly guardian?: string | undefined }[];
  },
  ctx: z.core.$RefinementCtx,
): void {
  const ids = new Set<string>();
  booking.passengers.forEach((p, index) => {
    if (ids.has(p.id)) {
      ctx.addIssue({
        code: "custom",
        message: "event.duplicate_id",
        path: ["passengers", index, "id"],
        params: { id: p.id },
      });
    }
    ids.add(p.id);
  });
  booking.passengers.forEach((p, index) => {
    if (p.guardian !== undefined && (p.guardian === p.id || !ids.has(p.guardian))) {
      ctx.addIssue({
        code: "custom",
        message: "event.unknown_guardian",
        path: ["passengers", index, "guardian"],
        params: { guardian: p.guardian },
      });
    }
  });
}

/** `booking.created`: a customer booked passengers on one flight. */
export const bookingCreatedData = z
  .strictObject({
    booking: id,
    flight: flightId,
    carrier,
    origin: airport,
    destination: airport,
    passengers: z.array(passenger).min(1),
    fare: amount,
    currency,
    payments: z.array(bookingPayment).min(1),
  })
  .superRefine((booking, ctx) => {
    checkRoute(booking, ctx);
    checkPassengers(booking, ctx);
    checkTenders(booking, ctx);
  })
  .transform(withTenderCurrencies);

/** `booking.rebooked`: the booking was offered (and maybe accepted) another flight. */
export const bookingRebookedData = z.strictObject({
  booking: id,
  fromFlight: flightId,
  toFlight: flightId,
  accepted: z.boolean(),
});

/** `flight.arrived`: a flight landed; every booking on it is affected (no customer). */
export const flightArrivedData = z
  .strictObject({
    flight: flightId,
    carrier,
    origin: airport,
    destination: airport,
    scheduledArrival: time,
    actualArrival: time,
    scheduledDeparture: time.optional(),
    actualDeparture: time.optional(),
    ...causeFields,
    controllable: z.boolean(),
  })
  .superRefine((flight, ctx) => {
    checkRoute(flight, ctx);
    checkTimeOrder(
      ctx,
      { field: "scheduledDeparture", value: flight.scheduledDeparture },
      { value: flight.scheduledArrival, path: ["scheduledArrival"] },
    );
    checkTimeOrder(
      ctx,
      { field: "actualDeparture", value: flight.actualDeparture },
      { value: flight.actualArrival, path: ["actualArrival"] },
    );
  });

const reroute = documented(
  z
    .strictObject({ departure: time, arrival: time })
    .superRefine((offer, ctx) =>
      checkTimeOrder(
        ctx,
        { field: "departure", value: offer.departure },
        { value: offer.arrival, path: ["arrival"] },
      ),
    ),
  { id: "Reroute", description: "The alternative flight offered: when it departs and arrives." },
);

/** `flight.cancelled`: a flight will not operate; notice and re-routing decide what is owed. */
export const flightCancelledData = z
  .strictObject({
    flight: flightId,
    carrier,
    origin: airport,
    destination: airport,
    scheduledDeparture: time,
    scheduledArrival: time,
    noticeGivenAt: time,
    controllable: z.boolean(),
    ...causeFields,
    reroute: reroute.optional(),
  })
  .superRefine((flight, ctx) => {
    checkRoute(flight, ctx);
    checkTimeOrder(
      ctx,
      { field: "scheduledDeparture", value: flight.scheduledDeparture },
      { value: flight.scheduledArrival, path: ["scheduledArrival"] },
    );
  });
