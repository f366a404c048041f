// The baseline: a hello-world Hono app on the same server stack (@hono/node-server, same Node,
// same loopback), started and stopped the same way as bench/servers/palaute.ts.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import type { AddressInfo } from "node:net";

const app = new Hono().get("/", (c) => c.text("Hello Hono!"));
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
server.once("listening", () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` }));
});
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  if ("closeIdleConnections" in server) server.closeIdleConnections();
});
