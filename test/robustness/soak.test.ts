import { describe, expect, it } from "vitest";
import { formatSoakReport, runSoak } from "../../scripts/lib/soak/soak";

// The short version of `npm run soak`: a real server process, SIGKILLed once mid-stream and
// restarted, with clients retrying under the same submission ids.
describe("crash soak (short)", () => {
  it("stores every acknowledged submission exactly once and nothing half, across a SIGKILL", async () => {
    const report = await runSoak({ submissions: 400, clients: 10, killAfter: 150, timeoutMs: 5_000, deadlineMs: 90_000 });
    const text = formatSoakReport(report);
    expect(report.ok, text).toBe(true);
    expect(report.kills, text).toBe(1);
    expect(report.inFlightAtKill, text).toBeGreaterThan(0);
    expect(report.acknowledged, text).toBe(400);
    expect(report.verification.stored - report.verification.unacknowledgedStored, text).toBe(report.acknowledged);
  }, 180_000);
});
