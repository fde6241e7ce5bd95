import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests import workspace packages from source, so `vitest` needs no build first.
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@goodfaith/core": source("./packages/core/src/index.ts"),
      "@goodfaith/measure": source("./packages/measure/src/index.ts"),
      "@goodfaith/store": source("./packages/store/src/index.ts"),
      "@goodfaith/server": source("./packages/server/src/index.ts"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packs/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    reporters: ["default", "./test/support/summary-reporter.ts"],
    setupFiles: ["./test/support/setup.ts"],
  },
});
