/**
 * One evaluation of a step's checks. A check that waits (an http check while a server starts) stops
 * waiting once the step cannot pass, and the checks share one look at which running containers publish
 * which host ports, and for how long they have run, and one read of what the engine did during the step.
 */
import type { Docker } from "../engine/client.js";
import { isoNanos, type PastEvent, readPastEvents } from "../world/engine-events.js";

/** What the engine did since the step began, or why that cannot be told. */
/** The step's events, or why they cannot be read: its start was not recorded, or the engine has no clock. */
export type StepHistory = { events: PastEvent[] } | { unknown: "notRecorded" | "noClock" };

/** A running container that publishes a host port, and how long it has been up (0 when the engine does not say). */
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
  /**
   * The engine's events from the step's start to now, by the engine's clock (read once per round, so the
   * step's `happened:` checks agree). Engine failures are thrown, as any request's.
   */
  history(): Promise<StepHistory>;
}

interface ListedContainer {
  Names?: string[];
  Status?: string;
  Ports?: { PublicPort?: number }[];
  HostConfig?: { NetworkMode?: string };
}

/**
 * Seconds a running container has been up, read from the engine's own words (`Up 3 seconds`, `Up Less
 * than a second`, `Up About a minute`): no clock of ours is involved, so a remote engine's clock cannot
 * skew it, and no costly `/info` is asked. Undefined when the words are not understood.
 */
export function upSeconds(status: string | undefined): number | undefined {
  const up = /^Up (.+?)(?: ago)?(?: \(.*\))?$/.exec(status ?? "")?.[1];
  if (up === undefined) return undefined;
  if (/^less than a second$/i.test(up)) return 0;
  const seconds = /^(\d+) seconds?$/.exec(up);
  if (seconds) return Number(seconds[1]);
  if (/^(about an?|an?|\d+) (minute|hour|day|week|month|year)s?$/i.test(up)) return 60;
  return undefined;
}

/**
 * `stepBegan` is when the step began, by the engine's clock (ISO, to the nanosecond as the engine gives it):
 * the tutor records it when the step opens, verify before each step's first evaluation.
 */
export function startRound(
  docker: Docker,
  stopWaiting: AbortSignal,
  waitMs = Number.POSITIVE_INFINITY,
  stepBegan?: string,
): Round {
  let listed: Promise<ListedContainer[] | undefined> | undefined;
  let history: Promise<StepHistory> | undefined;
  return {
    stopWaiting,
    history: () => {
      history ??= readHistory(docker, stepBegan);
      return history;
    },
    waitUntil: Date.now() + waitMs,
    publishers: async (port) => {
      listed ??= Promise.resolve()
        .then(() => docker.listContainers())
        .then(
          (containers: ListedContainer[]) =>
            containers.some((c) => c.HostConfig?.NetworkMode === "host") ? undefined : containers,
          () => undefined,
        );
      const containers = await listed;
      if (!containers) return undefined;
      return containers
        .filter((c) => (c.Ports ?? []).some((p) => p.PublicPort === port))
        .map((c) => ({
          name: (c.Names?.[0] ?? "?").replace(/^\//, ""),
          ageSeconds: upSeconds(c.Status) ?? 0,
        }));
    },
  };
}

async function readHistory(docker: Docker, stepBegan: string | undefined): Promise<StepHistory> {
  const since = stepBegan === undefined ? undefined : isoNanos(stepBegan);
  if (since === undefined) return { unknown: "notRecorded" };
  // `until` must not lie in the engine's future, or the engine would hold the reply open until then.
  const info = (await docker.info()) as { SystemTime?: unknown; BuildahVersion?: unknown };
  const now = typeof info.SystemTime === "string" ? isoNanos(info.SystemTime) : undefined;
  if (now === undefined) return { unknown: "noClock" };
  if (now < since) return { events: [] };
  const podman = typeof info.BuildahVersion === "string";
  return { events: await readPastEvents(docker, since, now, { podman }) };
}

/** A round in which nothing waits: the inner check of a `not`, which wants no answer. */
export function impatient(round: Round): Round {
  return { ...round, stopWaiting: AbortSignal.abort() };
}
