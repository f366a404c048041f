// npm start — everything a newcomer needs in one command: the Node entry migrates the database,
// adds demo data when it is empty, serves, and prints the links.
import { main } from "../src/node";

await main();
