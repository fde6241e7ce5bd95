/** @goodfaith/server — Goodfaith's HTTP API (work in progress). */
export {};
