import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNodeEnv } from "../../src/config/node-env";
import { startNodeServer, type RunningServer } from "../../src/node";
import { DEMO_SURVEY_SLUG } from "../../src/demo/seed-demo";

// The real Node entry on a free port, with a fresh database file: what `npm start` does.
let dir: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "palaute-node-"));
  server = await startNodeServer(parseNodeEnv({ PORT: "0", LIBSQL_URL: `file:${join(dir, "palaute.db")}` }), { quiet: true });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("Node server", () => {
  it("migrates, seeds, and is healthy", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it("takes a form submission over real HTTP and shows the thank-you page", async () => {
    const form = await fetch(`${server.url}/s/${DEMO_SURVEY_SLUG}?lang=sv`);
    const html = await form.text();
    expect(form.status).toBe(200);
    const submissionId = /name="submission_id" value="([^"]+)"/.exec(html)![1]!;
    const body = new URLSearchParams({ submission_id: submissionId, lang: "sv", grade: "9", good: "Bra" });
    const posted = await fetch(`${server.url}/s/${DEMO_SURVEY_SLUG}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });
    expect(posted.status).toBe(303);
    const thanks = await fetch(new URL(posted.headers.get("location")!, server.url));
    expect(await thanks.text()).toContain("Tack för din respons!");
  });

  it("refuses a bad configuration with a clear message", () => {
    expect(() => parseNodeEnv({ PORT: "eighty" })).toThrow(/PORT: must be a port number/);
    expect(() => parseNodeEnv({ LIBSQL_URL: "postgres://x" })).toThrow(/LIBSQL_URL/);
  });
});
