// The server the soak test kills: the real Node entry (startNodeServer) in its own process, so
// SIGKILL is a real crash (no finally blocks, no close, no flush), configured only through the
// environment like production. Prints one READY line the parent waits for.
import { parseNodeEnv } from "../../../src/config/node-env";
import { startNodeServer } from "../../../src/node";

const running = await startNodeServer(parseNodeEnv(process.env), { quiet: true });
console.log(`READY ${running.url}`);

const stop = () => {
  running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
// The graceful stop at the end of a soak: close the server and the database, then exit.
process.once("SIGTERM", stop);
// The parent holds our stdin open; if it dies (a test runner timing out), do not linger on the port.
process.stdin.on("data", () => undefined).once("end", stop);
