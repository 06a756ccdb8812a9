/** Whether the engine answers a ping right now, within a bound: the one liveness test. */
import type { Docker } from "./client.js";

export async function engineAnswers(docker: Docker, withinMs = 2000): Promise<boolean> {
  // The signal ends the request itself: a ping the engine never answers leaves no socket behind.
  // (dockerode reads `abortSignal` from ping's options; its types omit them.)
  const pinging = docker as unknown as { ping(options: { abortSignal: AbortSignal }): Promise<unknown> };
  return pinging.ping({ abortSignal: AbortSignal.timeout(withinMs) }).then(
    () => true,
    () => false,
  );
}

/** Milliseconds waited until the engine answered again, or undefined when it did not within `limitMs`. */
export async function waitForEngine(docker: Docker, limitMs: number): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await engineAnswers(docker)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}
