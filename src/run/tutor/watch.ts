/**
 * Notices when the world changes under a task step: the engine's event stream (containers, images,
 * volumes, networks), only the events that can change the step's verdict, and the lesson's working
 * folder. Events that arrive together make one `change`. When the
 * event stream fails it tells apart an engine that went away (`engine-down`, then `engine-up` once a
 * ping answers again) from one whose stream is unavailable (a proxy): then it polls and says so once.
 */
import { EventEmitter } from "node:events";
import { type FSWatcher, watch } from "node:fs";
import { dockerActionName, execActions } from "../../checks/event-vocabulary.js";
import { engineAnswers } from "../../engine/alive.js";
import type { Docker } from "../../engine/client.js";
import { allEvents, type EngineEvent, type EventRelevance } from "../../world/event-relevance.js";
import { helperLabel } from "../../world/labels.js";
import type { OwnExecs } from "../../world/own-execs.js";

export interface WatcherOptions {
  debounceMs: number;
  pollMs: number;
  /**
   * For a step whose checks read history: exec sessions then count, except those recorded here (the
   * tutor's own). Without it no exec session counts.
   */
  learnerExecs?: OwnExecs;
}

/**
 * Events the tutor's own checks cause (exec sessions, helper containers) must not trigger checks, or an
 * exec check would re-run itself for ever. An exec is known as the tutor's only once its creation has
 * answered, so `exec_create` never counts; the learner's exec also starts, and that counts.
 */
export function isLearnerEvent(event: EngineEvent, learnerExecs?: OwnExecs): boolean {
  // Read with Docker's names: Podman calls an exec `exec` (and says no exec id, so none counts there).
  const action = dockerActionName(event.Action ?? "");
  if (execActions.has(action) || action.startsWith("exec_")) {
    const execId = event.Actor?.Attributes?.execID;
    if (!learnerExecs || action === "exec_create" || execId === undefined) return false;
    return !learnerExecs.ids().has(execId);
  }
  return event.Actor?.Attributes?.[helperLabel] !== "true";
}

/** Whether one line of the event stream calls for a re-check: a learner's event the step cares about. */
export function eventMatters(line: string, relevance?: EventRelevance, learnerExecs?: OwnExecs): boolean {
  let event: EngineEvent;
  try {
    event = JSON.parse(line) as EngineEvent;
  } catch {
    return true; // not understood: re-checking is the safe side
  }
  if (typeof event !== "object" || event === null) return true;
  return isLearnerEvent(event, learnerExecs) && (relevance?.relevant(event) ?? true);
}

const maxEventLine = 1024 * 1024;

/** Events in one chunk of the stream come together; each later change starts its own evaluation. */
export const defaultWatcherOptions: WatcherOptions = { debounceMs: 0, pollMs: 1500 };

export class StepWatcher extends EventEmitter {
  private streams: NodeJS.ReadableStream[] = [];
  private folder: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private poller: NodeJS.Timeout | undefined;
  private stopped = false;
  private engineDown = false;
  private pollingAnnounced = false;

  /** `relevance` keeps only the events that matter to the step; without it, every event counts. */
  constructor(
    private readonly docker: Docker,
    private readonly dir: string | undefined,
    private readonly relevance?: EventRelevance,
    options: Partial<WatcherOptions> = {},
  ) {
    super();
    this.options = { ...defaultWatcherOptions, ...options };
  }

  private readonly options: WatcherOptions;

  async start(): Promise<void> {
    if (this.relevance) void this.noteExistingContainers(this.relevance);
    if (this.dir) {
      try {
        this.folder = watch(this.dir, { recursive: true }, () => this.schedule());
        this.folder.on("error", () => undefined);
      } catch {
        // A folder that cannot be watched (missing, or no recursive watch here) only costs file-change checks.
      }
    }
    await this.subscribe();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.poller);
    this.folder?.close();
    this.closeStreams();
    this.removeAllListeners();
  }

  /** One `change` after a burst of events. */
  schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emit("change"), this.options.debounceMs);
  }

  /**
   * The client gives the stream a few seconds for its headers (engine/limits.ts): a stream that never opens
   * ends up in `streamLost`, which polls when the engine still answers.
   */
  private async subscribe(): Promise<void> {
    if (this.stopped) return;
    const subscriptions = this.relevance?.subscriptions() ?? [allEvents];
    const opened: NodeJS.ReadableStream[] = [];
    try {
      for (const filters of subscriptions)
        opened.push((await this.docker.getEvents({ filters })) as NodeJS.ReadableStream);
    } catch {
      for (const stream of opened) (stream as { destroy?: () => void }).destroy?.();
      await this.streamLost();
      return;
    }
    this.streams = opened;
    for (const stream of opened) this.listen(stream);
    if (this.engineDown) {
      this.engineDown = false;
      this.emit("engine-up");
      this.schedule();
    }
  }

  private listen(stream: NodeJS.ReadableStream): void {
    let partial = "";
    stream.on("data", (chunk: Buffer) => {
      // One JSON event per line; a chunk may hold several, or part of one.
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop() ?? "";
      // No event is that long: a line without end is dropped, and counts as a change.
      if (partial.length > maxEventLine) {
        partial = "";
        this.schedule();
      }
      if (
        lines.some(
          (line) => line.trim() !== "" && eventMatters(line, this.relevance, this.options.learnerExecs),
        )
      )
        this.schedule();
    });
    // One subscription lost is the stream lost: the others are closed, and all come back together.
    const lost = () => {
      if (!this.streams.includes(stream) || this.stopped) return;
      this.closeStreams();
      void this.streamLost();
    };
    stream.on("end", lost);
    stream.on("close", lost);
    stream.on("error", lost);
  }

  private closeStreams(): void {
    const streams = this.streams;
    this.streams = [];
    for (const stream of streams) (stream as { destroy?: () => void }).destroy?.();
  }

  /** Containers of interest that exist already: their later network and volume events name them by id. */
  private async noteExistingContainers(relevance: EventRelevance): Promise<void> {
    const containers = await this.docker.listContainers({ all: true }).catch(() => []);
    for (const c of containers as { Id: string; Names?: string[]; Labels?: Record<string, string> }[])
      relevance.noteContainer(c.Id, (c.Names?.[0] ?? "").replace(/^\//, ""), c.Labels ?? {});
  }

  private async streamLost(): Promise<void> {
    if (this.stopped) return;
    const alive = await engineAnswers(this.docker);
    if (this.stopped) return;
    if (alive && !this.engineDown) {
      // The engine answers but its stream does not: poll instead, and say so once.
      if (!this.pollingAnnounced) {
        this.pollingAnnounced = true;
        this.emit("polling", this.options.pollMs);
      }
      clearInterval(this.poller);
      this.poller = setInterval(() => this.emit("change"), this.options.pollMs);
      return;
    }
    if (!this.engineDown) {
      this.engineDown = true;
      this.emit("engine-down");
    }
    setTimeout(() => void this.retry(), 1000).unref();
  }

  private async retry(): Promise<void> {
    if (this.stopped) return;
    const alive = await engineAnswers(this.docker);
    if (alive) await this.subscribe();
    else setTimeout(() => void this.retry(), 1000).unref();
  }
}
