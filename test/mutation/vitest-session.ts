// One vitest instance kept open across many runs of a few unit test files, for static-mutants.ts: a
// fresh `vitest run` per mutant spends most of its time starting up and transforming every module
// again (≈ 30 s on the shared machine for four files); here only the changed source module is
// transformed again (the file is invalidated in vitest's module graph after each write: the mutant,
// and the original put back).
import { resolve } from "node:path";
import { createVitest } from "vitest/node";

export interface RunOutcome {
  passed: boolean;
  /** The first failing test ("file > describe > test"), or why a file failed to load. */
  failed?: string;
}

export const openVitestSession = async (namedTests: readonly string[] = []) => {
  // Service tests (test/services, the static mutants of src/services) need the services config: its
  // global setup and its include, narrowed to the named files as a services run narrows it.
  const services = namedTests.some((file) => !file.startsWith("test/unit/"));
  if (services) process.env.MUTATION_API_TESTS = namedTests.join(",");
  const vitest = await createVitest("test", {
    config: services ? "test/mutation/vitest.services.config.ts" : "test/mutation/vitest.config.ts",
    watch: false,
    // A reporter that prints nothing (an empty list would mean the default one).
    reporters: [{}],
    bail: 1,
    pool: "threads",
    maxWorkers: 1,
  });
  return {
    /** To be called after each write of a source file (the mutant, and the original put back). */
    invalidate(changedFile: string) {
      vitest.invalidateFile(resolve(changedFile));
    },
    /** Runs the test files against the source files as they are on disk now. */
    async run(testFiles: readonly string[]): Promise<RunOutcome> {
      // The state keeps every earlier run's files; only this run's count.
      vitest.state.filesMap.clear();
      const { testModules, unhandledErrors } = await vitest.runTestFiles(testFiles.map((file) => resolve(file)));
      for (const module of testModules) {
        const failedTest = [...module.children.allTests("failed")][0];
        if (failedTest) return { passed: false, failed: `${module.relativeModuleId} > ${failedTest.fullName}` };
        const loadError = module.errors()[0];
        if (loadError || !module.ok())
          return { passed: false, failed: `${module.relativeModuleId}: ${loadError?.message ?? "failed"}`.split("\n")[0] };
      }
      if (unhandledErrors.length > 0) return { passed: false, failed: `unhandled error: ${String(unhandledErrors[0])}`.split("\n")[0] };
      if (testModules.length !== testFiles.length) throw new Error(`vitest ran ${testModules.length} of ${testFiles.length} test files`);
      return { passed: true };
    },
    close: () => vitest.close(),
  };
};
