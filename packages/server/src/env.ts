/** What a request carries through the middleware: its language, and the key that signed it in. */
import type { ApiKeyRecord, Lang } from "@goodfaith/core";

/** The Hono environment of every route. */
export interface AppEnv {
  Variables: {
    lang: Lang;
    apiKey: ApiKeyRecord;
  };
}
