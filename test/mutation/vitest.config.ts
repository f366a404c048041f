import { defineConfig } from "vitest/config";

// The tests Stryker runs against each mutant: the pure unit tests of the code in scope. One
// project, no global setup (nothing here serves pages), so a mutant costs milliseconds.
// Add a file here when it is the test that pins a rule of a file in scope (e.g. a service's test).
export default defineConfig({
  test: {
    name: "mutation",
    root: new URL("../..", import.meta.url).pathname,
    include: ["test/unit/**/*.test.ts"],
    testTimeout: 30_000,
    reporters: ["default"],
  },
});
