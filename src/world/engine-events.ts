/**
 * What the engine did in a past span of time: its event log read with `since` and `until`, so a closed
 * request, not a stream. Docker keeps its last 256 events in memory; Podman keeps a log file or the
 * journal. The reply is untrusted: bounded in bytes and time, every line checked, junk dropped.
 */
import type { Docker } from "../engine/client.js";
import { collect } from "../engine/streams.js";

/** One event as the checks read it. */
export interface PastEvent {
  /** `container`, `image`, `network`, `volume`… */
  type: string;
  /** Docker's action with its detail cut off: `exec_start` of `exec_start: sh -c ls`. */
  action: string;
  /** What came after the action's colon: the command of an exec, the health of a health_status. */
  detail: string;
  /** The container's or image's id or reference. */
  actorId: string;
  /** name, image, signal, exitCode, execID and the container's labels. */
  attributes: Record<string, string>;
  /** Nanoseconds since the epoch. */
  timeNano: bigint;
}

/** The most of an event log read at once: Docker sends under 200 kB; Podman's log file keeps under 1 MB. */
const maxEventBytes = 4 * 1024 * 1024;
/** A past span is one short reply: an engine that keeps the request open is not answering. */
const eventReadMs = 5000;

/** An engine time as `since`/`until` take it: seconds and nanoseconds (`1795867388.326249603`). */
export function engineTimestamp(nanos: bigint): string {
  const seconds = nanos / 1_000_000_000n;
  const rest = nanos % 1_000_000_000n;
  return `${seconds}.${rest.toString().padStart(9, "0")}`;
}

/**
 * An ISO time with up to nine decimals (the engine's SystemTime) in nanoseconds since the epoch;
 * undefined when it is not one.
 */
export function isoNanos(iso: string): bigint | undefined {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(iso);
  if (!match) return undefined;
  const wholeMs = Date.parse(`${match[1]}${match[3]}`);
  if (Number.isNaN(wholeMs)) return undefined;
  const fraction = BigInt((match[2] ?? "").padEnd(9, "0"));
  return BigInt(wholeMs) * 1_000_000n + fraction;
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return out;
  for (const [key, field] of Object.entries(value)) if (typeof field === "string") out[key] = field;
  return out;
}

/** One line of the reply as an event, or undefined when it is not one. */
export function parseEvent(line: string): PastEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof json !== "object" || json === null) return undefined;
  const raw = json as Record<string, unknown>;
  const fullAction =
    typeof raw.Action === "string" ? raw.Action : typeof raw.status === "string" ? raw.status : "";
  if (!fullAction) return undefined;
  const actor = (typeof raw.Actor === "object" && raw.Actor !== null ? raw.Actor : {}) as Record<
    string,
    unknown
  >;
  const colon = fullAction.indexOf(":");
  // Read from the text: as a JSON number, a time in nanoseconds loses its last digits.
  const exactNano = /"timeNano":\s*(\d{1,20})\s*[,}]/.exec(line)?.[1];
  const timeNano =
    exactNano !== undefined
      ? BigInt(exactNano)
      : typeof raw.time === "number" && Number.isFinite(raw.time)
        ? BigInt(Math.trunc(raw.time)) * 1_000_000_000n
        : 0n;
  return {
    type: typeof raw.Type === "string" ? raw.Type : "",
    action: (colon >= 0 ? fullAction.slice(0, colon) : fullAction).trim(),
    detail: colon >= 0 ? fullAction.slice(colon + 1).trim() : "",
    actorId: typeof actor.ID === "string" ? actor.ID : typeof raw.id === "string" ? raw.id : "",
    attributes: stringRecord(actor.Attributes),
    timeNano,
  };
}

/**
 * The engine's events from `since` to `until` (nanoseconds, by the engine's clock), oldest first.
 * Podman 4's compatible API answers nothing at all once `until` is given; it takes its own `stream=false`
 * instead (every event since, then the reply ends), and `until` is applied here.
 */
export async function readPastEvents(
  docker: Docker,
  since: bigint,
  until: bigint,
  engine: { podman: boolean },
): Promise<PastEvent[]> {
  // As text, to the nanosecond: the typings allow whole seconds only, which would take in the events of
  // the second before the step began.
  const window = (engine.podman
    ? { since: engineTimestamp(since), stream: false }
    : { since: engineTimestamp(since), until: engineTimestamp(until) }) as unknown as {
    since: number;
    until: number;
  };
  const stream = (await docker.getEvents(window)) as unknown as NodeJS.ReadableStream & {
    destroy?: (error?: Error) => void;
  };
  let timer: NodeJS.Timeout | undefined;
  const tooSlow = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stream.destroy?.();
      reject(
        Object.assign(new Error(`the engine did not send its events within ${eventReadMs / 1000} s`), {
          code: "ETIMEDOUT",
        }),
      );
    }, eventReadMs);
  });
  const body = await Promise.race([collect(stream, maxEventBytes), tooSlow]).finally(() =>
    clearTimeout(timer),
  );
  return body
    .toString("utf8")
    .split("\n")
    .map(parseEvent)
    .filter(
      (event): event is PastEvent =>
        event !== undefined && event.timeNano >= since && event.timeNano <= until,
    )
    .sort((a, b) => (a.timeNano < b.timeNano ? -1 : a.timeNano > b.timeNano ? 1 : 0));
}
