import fc from "fast-check";

// Property tests explore new random cases on every developer run; in CI they use one fixed
// seed (override with FC_SEED) so a submission's result does not depend on the draw.
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });
