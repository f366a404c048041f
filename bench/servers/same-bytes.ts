// The baseline for the survey form GET: the same page bytes with the same response headers, served
// from memory by a one-route Hono app on the same server stack (@hono/node-server, same Node, same
// loopback), started and stopped the same way as bench/servers/palaute.ts. What the Palaute server
// does beyond this (finding the survey, checking its window, the middleware) is what the ratio
// measures; writing 10 KB per request is in both.
// The first argument is a JSON file written by the bench: {"headers": {…}, "body": "<base64>"}.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";

const file = process.argv[2];
if (!file) throw new Error("usage: same-bytes.ts <page.json>");
const captured = JSON.parse(readFileSync(file, "utf8")) as { headers: Record<string, string>; body: string };
const body = new Uint8Array(Buffer.from(captured.body, "base64"));
const headers = captured.headers;

const app = new Hono().get("/", (c) => c.body(body, 200, headers));
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
server.once("listening", () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` }));
});
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  if ("closeIdleConnections" in server) server.closeIdleConnections();
});
