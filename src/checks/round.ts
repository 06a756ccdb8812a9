/**
 * One evaluation of a step's checks. A check that waits (an http check while a server starts) stops
 * waiting once the step cannot pass, and the checks share one look at which running containers publish
 * which host ports, and for how long they have run.
 */
import type { Docker } from "../engine/client.js";

/** A running container that publishes a host port, and how long ago it was created, by the engine's clock. */
export interface Publisher {
  name: string;
  ageSeconds: number;
}

export interface Round {
  /** Aborted once a check of the step has failed: the step cannot pass this time, so nothing waits. */
  stopWaiting: AbortSignal;
  /** No check waits past this moment (ms since the epoch); the tutor asks for a verdict soon after a command. */
  waitUntil: number;
  /**
   * The running containers that publish host `port` (the engine is asked once per round); undefined when
   * the engine cannot say, or a container on the host's network may serve any port.
   */
  publishers(port: number): Promise<Publisher[] | undefined>;
}

interface ListedContainer {
  Names?: string[];
  Created?: number;
  Ports?: { PublicPort?: number }[];
  HostConfig?: { NetworkMode?: string };
}

export function startRound(
  docker: Docker,
  stopWaiting: AbortSignal,
  waitMs = Number.POSITIVE_INFINITY,
): Round {
  let listed: Promise<{ containers: ListedContainer[]; now: number } | undefined> | undefined;
  const list = async () => {
    const containers: ListedContainer[] = await docker.listContainers();
    if (containers.some((c) => c.HostConfig?.NetworkMode === "host")) return undefined;
    // Ages by the engine's clock: a remote engine's clock may differ from this machine's.
    const info = await docker.info().catch(() => undefined);
    const now = Date.parse(info?.SystemTime ?? "");
    return { containers, now: Number.isNaN(now) ? Date.now() : now };
  };
  return {
    stopWaiting,
    waitUntil: Date.now() + waitMs,
    publishers: async (port) => {
      listed ??= list().catch(() => undefined);
      const found = await listed;
      if (!found) return undefined;
      return found.containers
        .filter((c) => (c.Ports ?? []).some((p) => p.PublicPort === port))
        .map((c) => ({
          name: (c.Names?.[0] ?? "?").replace(/^\//, ""),
          ageSeconds: Math.max(0, found.now / 1000 - (c.Created ?? found.now / 1000)),
        }));
    },
  };
}

/** A round in which nothing waits: the inner check of a `not`, which wants no answer. */
export function impatient(round: Round): Round {
  return { ...round, stopWaiting: AbortSignal.abort() };
}
