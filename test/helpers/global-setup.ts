import { buildWeb } from "../../scripts/build-web";

/** Tests that serve pages or assets use the real built web/ files, as `npm start` does. */
export default async function setup(): Promise<void> {
  await buildWeb({ quiet: true });
}
