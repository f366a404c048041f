import { configDefaults, defineConfig } from "vitest/config";

// Real servers, real databases and a real browser: give them room on a 2-core machine.
const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

// Two projects, one run: `npx vitest run` runs both. The Worker project's extra global setup
// bundles the Worker with wrangler (a few seconds), so it happens only when Worker tests are selected.
export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        test: {
          ...timeouts,
          name: "node",
          include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
          exclude: [...configDefaults.exclude, "test/worker/**"],
          globalSetup: ["test/helpers/global-setup.ts"],
        },
      },
      {
        test: {
          ...timeouts,
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          // dist/web first: wrangler checks the [assets] directory while bundling.
          globalSetup: ["test/helpers/global-setup.ts", "test/worker/global-setup.ts"],
        },
      },
    ],
  },
});
