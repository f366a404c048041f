import { buildWebIfNeeded } from "../../scripts/lib/web-build-stamp";

/** Tests that serve pages or assets use the real built web/ files, as `npm start` does (and, like it, build only when a source changed). */
export default async function setup(): Promise<void> {
  await buildWebIfNeeded();
}
