/** Whether the engine answers a ping right now, within a bound: the one liveness test. */
import type { Docker } from "./client.js";

export async function engineAnswers(docker: Docker, withinMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), withinMs);
  });
  const ping = docker.ping().then(
    () => true as const,
    () => false as const,
  );
  return Promise.race([ping, deadline]).finally(() => clearTimeout(timer));
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
