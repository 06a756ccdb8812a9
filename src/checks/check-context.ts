/** What a check needs to look at the world: the engine, the lesson's working folder and what it owns. */
import type { Docker } from "../engine/client.js";
import { sshHostName } from "../engine/ssh-config.js";
import { type Translate, translator } from "../i18n/index.js";
import { type OwnExecs, ownExecs } from "../world/own-execs.js";
import { cameAfter, type LessonMarker } from "../world/provenance.js";
import type { Resources } from "../world/resources.js";
import type { Round } from "./round.js";

export interface CheckContext {
  docker: Docker;
  /** The lesson's working folder: file and dockerfile checks read here, bind mount sources resolve here. */
  workdir: string;
  /** What the lesson owns; checks look at nothing else. */
  resources: Resources;
  /** Images the lesson declares (it may inspect them, not remove them). */
  images: string[];
  /**
   * Whether a resource made at `created` (engine seconds or ISO time) came after the lesson started on
   * this engine. Checks may look at anything the lesson names, but run commands only in what it made.
   */
  madeByLesson(created: number | string | undefined): boolean;
  /** Where published ports answer: 127.0.0.1 for a local engine, the engine's host for a tcp one. */
  portHost: string;
  /** Bounds, so nothing hangs. */
  timeouts: { execMs: number; httpMs: number; helperMs: number };
  /** An image present on the engine that has a shell, for throwaway helper containers (memoized). */
  helperImage(): Promise<string | undefined>;
  /** The commands the tutor ran in containers itself: never the learner's doing. */
  ownExecs: OwnExecs;
  /** The evaluation this check is part of (evaluateChecks starts one per step evaluation). */
  round?: Round;
  /** The learner's language: what results are worded in. */
  t: Translate;
}

export const defaultTimeouts = { execMs: 10_000, httpMs: 3_000, helperMs: 20_000 };

/** Images tried, in order, for helper containers: the smallest with a shell first. */
const helperCandidates = [
  "busybox:latest",
  "busybox",
  "alpine:latest",
  "debian:bookworm-slim",
  "python:3.11-slim",
];

export function helperImageFinder(docker: Docker, declared: string[]): () => Promise<string | undefined> {
  let found: Promise<string | undefined> | undefined;
  return () => {
    found ??= (async () => {
      for (const ref of [...helperCandidates, ...declared]) {
        const exists = await docker
          .getImage(ref)
          .inspect()
          .then(
            () => true,
            () => false,
          );
        if (exists) return ref;
      }
      return undefined;
    })();
    return found;
  };
}

/**
 * Where the engine publishes ports: its host for a remote engine (tcp, https or ssh), else this
 * machine. An IPv6 address comes without its URL brackets, which the http check adds back. An ssh://
 * host may be an alias of ~/.ssh/config: its HostName is where the engine runs.
 */
export function portHostFor(engineHost: string): string {
  if (!/^(tcp|https?|ssh):\/\//.test(engineHost)) return "127.0.0.1";
  if (engineHost.startsWith("ssh://")) return sshHostName(engineHost) ?? "127.0.0.1";
  try {
    const hostname = new URL(engineHost.replace(/^tcp:/, "http:")).hostname.replace(/^\[|\]$/g, "");
    return hostname || "127.0.0.1";
  } catch {
    return "127.0.0.1";
  }
}

export function createCheckContext(options: {
  docker: Docker;
  workdir: string;
  resources: Resources;
  images: string[];
  engineHost: string;
  /** The lesson's recorded start on this engine; without one, nothing counts as made by the lesson. */
  marker?: LessonMarker | undefined;
  timeouts?: Partial<CheckContext["timeouts"]>;
  /** Where the tutor's own exec ids are shared with other tutors (the tutor's home); else kept in memory. */
  ownExecs?: OwnExecs;
  /** The learner's language; English when not given. */
  t?: Translate;
}): CheckContext {
  const { marker } = options;
  return {
    t: options.t ?? translator("en"),
    ownExecs: options.ownExecs ?? ownExecs(),
    madeByLesson: (created) => cameAfter(marker, created),
    docker: options.docker,
    workdir: options.workdir,
    resources: options.resources,
    images: options.images,
    portHost: portHostFor(options.engineHost),
    timeouts: { ...defaultTimeouts, ...options.timeouts },
    helperImage: helperImageFinder(options.docker, options.images),
  };
}

/**
 * Check contexts made once per working folder and kept: each remembers which helper image is present,
 * so re-checking a step does not ask the engine again.
 */
export function checkContexts(options: {
  docker: Docker;
  engineHost: string;
  timeouts?: Partial<CheckContext["timeouts"]>;
  ownExecs?: OwnExecs;
  t?: Translate;
}): (
  owner: { resources: Resources; images: string[] },
  workdir: string,
  marker: LessonMarker | undefined,
) => CheckContext {
  const made = new Map<string, CheckContext>();
  return (owner, workdir, marker) => {
    const key = `${workdir}\n${marker?.since ?? ""}`;
    let context = made.get(key);
    if (!context) {
      context = createCheckContext({
        ...options,
        workdir,
        marker,
        resources: owner.resources,
        images: owner.images,
      });
      made.set(key, context);
    }
    return context;
  };
}
