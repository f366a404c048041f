import { defineConfig } from "vitest/config";

// The tests Stryker runs against each mutant of src/services (stryker.services.config.json): the
// API tests that reach the services through the real app and a real libSQL database in memory
// (services do their I/O through src/queries, so they are tested with real parts, not stubs).
// Coverage is per test, so a mutant runs only the API tests that reached it. Left out: tests that
// start other processes or build bundles (node-startup, node-server, compression, the Worker
// tests) and the big tables that every route joins (bad-input, api-contract), which pin the
// routes' input checks rather than what a service decides.
// Add a file here when it is the test that pins a rule of a service.
// MUTATION_API_TESTS=test/api/a.test.ts,test/api/b.test.ts narrows the set for a run on a few
// services (the initial run of every file below takes minutes on 2 shared cores).
const only = process.env.MUTATION_API_TESTS?.split(",").filter((file) => file !== "");
export default defineConfig({
  test: {
    name: "mutation-services",
    root: new URL("../..", import.meta.url).pathname,
    include: only ?? [
      "test/api/audit-log-page.test.ts",
      "test/api/auth.test.ts",
      "test/api/authorization-matrix.test.ts",
      "test/api/event-list.test.ts",
      "test/api/event-management.test.ts",
      "test/api/event-results.test.ts",
      "test/api/events.test.ts",
      "test/api/history-import.test.ts",
      "test/api/own-password.test.ts",
      "test/api/published-figures.test.ts",
      "test/api/published-results.test.ts",
      "test/api/region-comparison.test.ts",
      "test/api/response-rates.test.ts",
      "test/api/retention-and-backup.test.ts",
      "test/api/short-codes.test.ts",
      "test/api/sign-in-limits.test.ts",
      "test/api/stats.test.ts",
      "test/api/survey-cache.test.ts",
      "test/api/survey-closing.test.ts",
      "test/api/survey.test.ts",
      "test/api/test-mode.test.ts",
      "test/api/yardstick.test.ts",
      "test/api/admin-pages.test.ts",
      // Services called directly on a real in-memory database: fast, and they pin what a service
      // decides (audit lines, limits' edges, CLI-only branches) that the HTTP tests do not read back.
      "test/services/**/*.test.ts",
    ],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
