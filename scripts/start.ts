// npm start — everything a newcomer needs in one command: builds the web assets (unless they are
// up to date), while the Node entry migrates the database and adds demo data when it is empty; then
// serves and prints the links. Each step says what it did and how long it took.
import { performance } from "node:perf_hooks";
import { buildWebIfNeeded } from "./lib/web-build-stamp";

console.log(`Starting Palaute (Node ${process.version}, ${(performance.now() / 1000).toFixed(2)} s after the process started)…`);
// esbuild and the compression of the built files run outside the main thread, so the web build
// overlaps with loading the server and preparing the database; the server listens once both are done.
const assetsReady = buildWebIfNeeded((line) => console.log(line));
// Not awaited yet: a failed build is reported by main() before it listens.
assetsReady.catch(() => undefined);
const loading = performance.now();
const { main } = await import("../src/node");
console.log(`  Server code: loaded in ${((performance.now() - loading) / 1000).toFixed(2)} s`);
await main({ assetsReady });
