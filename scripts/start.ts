// npm start — everything a newcomer needs in one command: builds the web assets, then the Node
// entry migrates the database, adds demo data when it is empty, serves, and prints the links.
import { main } from "../src/node";
import { buildWeb } from "./build-web";

await buildWeb({ quiet: true });
await main();
