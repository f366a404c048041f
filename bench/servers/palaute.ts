// The server under test, in its own process as in production: the real Node entry (src/node.ts)
// on a free loopback port, on the database file given as the first argument, no demo data.
// Prints {"url": …} on one stdout line when it is listening; SIGTERM closes it cleanly (which also
// lets `node --cpu-prof` write its profile).
import { parseNodeEnv } from "../../src/config/node-env";
import { startNodeServer } from "../../src/node";

const databaseUrl = process.argv[2];
if (!databaseUrl?.startsWith("file:")) throw new Error("usage: palaute.ts file:<database>");
// Participants come from many addresses and the load generator from one, so it names them in
// X-Forwarded-For as a reverse proxy would (TRUST_PROXY), and the per-address submission limit
// stays on and costs what it costs in production.
const running = await startNodeServer(
  parseNodeEnv({
    PORT: "0",
    HOST: "127.0.0.1",
    LIBSQL_URL: databaseUrl,
    DEMO_DATA: "off",
    TRUST_PROXY: "true",
    SUBMISSION_RATE_LIMIT: "on",
  }),
  { quiet: true },
);
// startNodeServer prints "localhost" for people; the load generator should not depend on how
// localhost resolves (::1 first on Node 20), so it gets the address the server listens on.
const url = new URL(running.url);
url.hostname = "127.0.0.1";
console.log(JSON.stringify({ url: url.origin }));
process.once("SIGTERM", () => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
