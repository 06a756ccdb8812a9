/**
 * Every engine request ends, and no reply fills the memory. docker-modem has only an idle timeout, which
 * an engine dripping a byte every half second never trips, and it reads a reply whole, however large. So
 * the client's `dial` is wrapped: each request gets an AbortSignal that a deadline fires (the socket really
 * closes, and the caller gets an ETIMEDOUT error even if the modem would never call back), replies read
 * whole stop at a cap, and `closeClient` ends whatever is still open when the command or the tutor is done.
 * Streams meant to stay open (events, logs that follow) get a deadline for their headers only; logs without
 * follow come back as a stream too, for the reader to cap (streams.ts `collect`).
 */
import { IncomingMessage } from "node:http";

export interface RequestLimits {
  /** From dialling to the last byte of the reply. */
  deadlineMs: number;
  /** Until the headers of a stream meant to stay open (the event stream, logs that follow) come. */
  openStreamMs: number;
  /** Pulls, builds, pushes and loads move whole images: the one kind of request allowed minutes. */
  transferMs: number;
  /** The most a reply read whole (JSON, a failed request's message) may hold. */
  maxReplyBytes: number;
}

/**
 * 32 MiB. The largest real replies are listings, a kilobyte or two per image or container: 32 MiB holds
 * over ten thousand. A reply past the cap is dropped as it passes it, so it costs at most 32 MiB on top of
 * the CLI at rest (about 70 MB for `check`, 140 MB for `doctor` and the tutor, which load the packs): under
 * the 200 MB the fault suite allows, where 64 MiB would not be.
 */
export const maxReplyBytes = 32 * 1024 * 1024;

/** A stream's headers come at once from a real engine (it flushes them before any event). */
export const openStreamMs = 3000;

/** 10 minutes: a 1 GB image over a 2 MB/s link; the modem's idle timeout still ends a pull that stalls. */
export const transferMs = 10 * 60_000;

/** What docker-modem's `dial` is given by dockerode (the part read here). */
interface DialOptions {
  path: string;
  isStream?: boolean;
  hijack?: boolean;
  openStdin?: boolean;
  statusCodes: Record<number, boolean | string>;
  options?: Record<string, unknown>;
  abortSignal?: AbortSignal;
}
type DialCallback = (error: unknown, result?: unknown) => void;
interface Modem {
  dial(options: DialOptions, callback: DialCallback): void;
}
interface Destroyable {
  destroy(error?: Error): void;
  once?(event: "close", listener: () => void): unknown;
}

/** How long a request may live: open streams until their headers, transfers for minutes, the rest briefly. */
export type RequestKind = "open" | "transfer" | "logs" | "call";

export function requestKind(path: string, query: Record<string, unknown> | undefined): RequestKind {
  const bare = path.split("?")[0] ?? "";
  if (bare === "/events") return "open";
  if (/^\/containers\/[^/]+\/attach$/.test(bare)) return "open";
  if (/^\/containers\/[^/]+\/logs$/.test(bare)) return query?.follow ? "open" : "logs";
  if (/^\/(images\/create|build|images\/load)$/.test(bare) || /^\/images\/.+\/push$/.test(bare))
    return "transfer";
  return "call";
}

/** An error the failure wording reads as "did not answer in time". */
export function deadlineError(ms: number): Error {
  return Object.assign(new Error(`the engine did not answer within ${ms / 1000} s`), { code: "ETIMEDOUT" });
}

export function replyTooLargeError(bytes: number): Error {
  return Object.assign(new Error(`the engine sent a reply larger than ${bytes / 1024 ** 2} MiB`), {
    code: "EREPLYTOOLARGE",
  });
}

const closedError = () =>
  Object.assign(new Error("the engine client was closed"), { code: "ECANCELED" as const });

// Every status reaches this wrapper, which reads failures' messages itself, within the cap.
const everyStatus: Record<number, boolean> = new Proxy({}, { get: () => true });

const openRequests = new WeakMap<object, { closed: boolean; ends: Set<(error: Error) => void> }>();

/** Puts `limits` on every request `client` makes from now on. */
export function limitRequests(client: { modem: unknown }, limits: RequestLimits): void {
  const modem = client.modem as Modem;
  const dial = modem.dial.bind(modem);
  const state = { closed: false, ends: new Set<(error: Error) => void>() };
  openRequests.set(client, state);
  modem.dial = (options, callback) => {
    if (state.closed) return void process.nextTick(callback, closedError());
    const kind = requestKind(options.path, options.options);
    const wanted = options.statusCodes;
    const whole = !options.isStream && kind !== "logs";
    const controller = new AbortController();
    const callerSignal = options.abortSignal;
    options.abortSignal = callerSignal
      ? AbortSignal.any([callerSignal, controller.signal])
      : controller.signal;
    if (!options.openStdin) {
      options.statusCodes = everyStatus;
      options.isStream = true;
    }
    let answered = false;
    let stream: Destroyable | undefined;
    const answer: DialCallback = (error, result) => {
      if (answered) return;
      answered = true;
      callback(error, result);
    };
    const end = (error: Error) => {
      controller.abort(error);
      stream?.destroy(error);
      answer(error);
      done();
    };
    const onCallerAbort = () => end(callerSignal ? abortError(callerSignal) : closedError());
    const limitMs =
      kind === "open" ? limits.openStreamMs : kind === "transfer" ? limits.transferMs : limits.deadlineMs;
    const timer = setTimeout(() => end(deadlineError(limitMs)), limitMs);
    const done = () => {
      clearTimeout(timer);
      state.ends.delete(end);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    };
    state.ends.add(end);
    callerSignal?.addEventListener("abort", onCallerAbort, { once: true });

    dial(options, (error, result) => {
      if (answered || error) {
        (result as Destroyable | undefined)?.destroy?.();
        answer(error ?? closedError());
        return done();
      }
      stream = result as Destroyable;
      if (result instanceof IncomingMessage && !options.openStdin) {
        const status = result.statusCode ?? 0;
        const failed = wanted[status] !== true;
        if (failed || whole) {
          readCapped(result, limits.maxReplyBytes)
            .then(
              (body) =>
                failed
                  ? answer(statusError(status, wanted, body, whole))
                  : answer(null, parsedOr(body, body)),
              (readError: Error) => answer(readError),
            )
            .finally(done);
          return;
        }
      }
      if (kind === "open") {
        // Meant to stay open: neither the deadline nor the modem's idle timeout ends it any more.
        clearTimeout(timer);
        (result as Partial<IncomingMessage>).socket?.setTimeout(0);
      }
      stream.once?.("close", done);
      answer(null, result);
    });
  };
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason as unknown;
  return reason instanceof Error ? reason : Object.assign(new Error("aborted"), { code: "ABORT_ERR" });
}

/** A failed request's error, worded as docker-modem words it (callers and tests read these messages). */
function statusError(
  status: number,
  wanted: Record<number, boolean | string>,
  body: Buffer,
  whole: boolean,
): Error {
  const cause = parsedOr(body, whole ? body : body.toString("utf8")) as { message?: string; error?: string };
  const error = new Error(
    `(HTTP code ${status}) ${wanted[status] || "unexpected"} - ${cause.message || cause.error || cause} `,
  );
  return Object.assign(error, { reason: wanted[status], statusCode: status, json: whole ? cause : null });
}

/** docker-modem's reading of a body: JSON when it parses to something, else `fallback`. */
function parsedOr(body: Buffer, fallback: unknown): unknown {
  try {
    return JSON.parse(body.toString("utf8")) || fallback;
  } catch {
    return fallback;
  }
}

/** The whole body, or an error once it passes `limit` bytes (the socket is closed then, not read on). */
function readCapped(response: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        const error = replyTooLargeError(limit);
        reject(error);
        response.destroy(error);
        return;
      }
      chunks.push(chunk);
    });
    response.on("end", () => resolve(Buffer.concat(chunks)));
    response.on("error", reject);
    response.on("close", () =>
      reject(Object.assign(new Error("the engine closed the reply early"), { code: "ECONNRESET" })),
    );
  });
}

/** Ends every request `client` still has open and refuses new ones: nothing of it keeps the process alive. */
export function closeClient(client: object): void {
  const state = openRequests.get(client);
  if (!state) return;
  state.closed = true;
  for (const end of [...state.ends]) end(closedError());
  // A transport of its own (SSH's connection, an HTTPS agent) ends with it.
  (client as { modem?: { agent?: { destroy?(): void } } }).modem?.agent?.destroy?.();
}
