/**
 * The real engine for tests. Tests that need it FAIL when none answers (never skip): `npm test`
 * starts one, and a run that silently skipped the engine would prove nothing.
 */

import type { EngineInfo } from "../../src/engine/client.js";
import { probeEngine } from "../../src/engine/client.js";
import { discoverEngine } from "../../src/engine/discover.js";

/** Every resource a test creates carries this label, so cleanup finds exactly its own. */
export const testLabel = "org.docker-tutor.test";

export async function requireEngine(): Promise<EngineInfo> {
  const target = await discoverEngine(process.env);
  const probe = await probeEngine(target, 10_000);
  if (!probe.ok) {
    throw new Error(
      `no Docker engine answers (${probe.failure.message}); run the tests with \`npm test\`, which starts one`,
    );
  }
  return probe.info;
}
