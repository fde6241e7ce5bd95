import { z } from "zod";
import { causeFields } from "./cause-data.js";
import { checkTimeOrder, count, id, label, time } from "./primitives.js";

/** The picture quality a title was sold with. */
export const STREAM_QUALITIES = ["SD", "HD", "UHD"] as const;

/** `stream.session`: how one viewing went; the quality promises read it. */
export const streamSessionData = z.strictObject({
  session: id,
  title: label,
  order: id.optional(),
  rental: z.boolean(),
  rebufferRatio: z.number().min(0).max(1),
  bitrateKbps: z.number().min(0),
  promisedQuality: z.enum(STREAM_QUALITIES).optional(),
  watchedSeconds: count.optional(),
});

/** `service.outage`: a service was down for everyone in some regions (no customer). */
export const serviceOutageData = z
  .strictObject({
    outage: id,
    service: id,
    start: time,
    end: time,
    ...causeFields,
    regions: z.array(label).optional(),
  })
  .superRefine((outage, ctx) =>
    checkTimeOrder(
      ctx,
      { field: "start", value: outage.start },
      { value: outage.end, path: ["end"] },
    ),
  );
