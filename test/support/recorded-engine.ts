/**
 * A stand-in for dockerode's `Docker` that answers from JSON recorded on a real engine
 * (test/fixtures/inspect/, written by its record.sh), so the check kinds can be judged on real inspect
 * output with no engine. It has only the calls the evaluators make; a name it does not know is a 404,
 * as dockerode reports it, and a call it cannot answer from the recording throws rather than guess.
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import type Docker from "dockerode";
import { type CheckContext, createCheckContext } from "../../src/checks/check-context.js";
import type { Translate } from "../../src/i18n/index.js";
import type { Resources } from "../../src/world/resources.js";
import { repoRoot } from "./paths.js";

export const recordingDir = path.join(repoRoot, "test", "fixtures", "inspect");

/** The folder record.sh bind-mounts at /site of tutor-rec-web is `site` in here. */
export const recordedWorkdir = "/tmp/tutor-rec-work";

/** Output of a process run on the engine, as record.sh captured it. */
export interface RecordedRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RecordedExec extends RecordedRun {
  container: string;
  cmd: string[];
  /** Never finishes (not recorded: for the exec timeout). */
  hangs?: boolean;
}

/** A helper container run: a file read in a volume, or a name resolved from a container. */
export type RecordedHelper = RecordedRun &
  ({ volume: string; path: string } | { from: string; name: string });

export interface Recording {
  containers: Docker.ContainerInspectInfo[];
  containerList: Docker.ContainerInfo[];
  images: Docker.ImageInspectInfo[];
  imageList: Docker.ImageInfo[];
  volumes: Docker.VolumeInspectInfo[];
  volumeList: { Volumes: Docker.VolumeInspectInfo[]; Warnings: string[] | null };
  networks: Docker.NetworkInspectInfo[];
  networkList: Docker.NetworkInspectInfo[];
  logs: Record<string, { stdout: string; stderr: string }>;
  execs: RecordedExec[];
  helpers: RecordedHelper[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(recordingDir, file), "utf8")) as T;
}

/** The recording with the containers of one more file of test/fixtures/inspect/ (e.g. health-docker-28.json). */
export function recordingWith(file: string): Recording {
  const recording = loadRecording();
  const containers = JSON.parse(readFileSync(path.join(recordingDir, file), "utf8"));
  recording.containers.push(...(containers as Docker.ContainerInspectInfo[]));
  return recording;
}

export function loadRecording(): Recording {
  return {
    containers: readJson("containers.json"),
    containerList: readJson("containers-list.json"),
    images: readJson("images.json"),
    imageList: readJson("images-list.json"),
    volumes: readJson("volumes.json"),
    volumeList: readJson("volumes-list.json"),
    networks: readJson("networks.json"),
    networkList: readJson("networks-list.json"),
    logs: readJson("logs.json"),
    execs: readJson("exec.json"),
    helpers: readJson("helpers.json"),
  };
}

/** The error dockerode (docker-modem) rejects with when the engine answers 404. */
function notFound(reason: string, message: string): Error {
  return Object.assign(new Error(`(HTTP code 404) ${reason} - ${message} `), {
    reason,
    statusCode: 404,
    json: { message },
  });
}

/** Docker's multiplexed stream, one frame a line: an 8-byte header (stream type, 3 zeros, size), then the bytes. */
export function frames(run: { stdout: string; stderr: string }): Buffer[] {
  const framed: Buffer[] = [];
  for (const [type, text] of [
    [1, run.stdout],
    [2, run.stderr],
  ] as const) {
    for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
      const body = Buffer.from(line, "utf8");
      const header = Buffer.alloc(8);
      header[0] = type;
      header.writeUInt32BE(body.length, 4);
      framed.push(Buffer.concat([header, body]));
    }
  }
  return framed;
}

/** What a non-TTY container's logs answer with when not followed: every frame in one buffer. */
export function multiplex(run: { stdout: string; stderr: string }): Buffer {
  return Buffer.concat(frames(run));
}

/** `busybox` → `busybox:latest`, `docker.io/library/busybox` → `busybox:latest`, as the engine resolves them. */
function imageKey(ref: string): string {
  const bare = ref.replace(/^(?:docker\.io|index\.docker\.io)\//, "").replace(/^library\//, "");
  const lastSlash = bare.lastIndexOf("/");
  return bare.includes("@") || bare.indexOf(":", lastSlash + 1) >= 0 ? bare : `${bare}:latest`;
}

/** A full ID, or a prefix of it long enough to be unique, as the engine accepts. */
function idMatches(id: string, ref: string): boolean {
  const bare = id.replace(/^sha256:/, "");
  const wanted = ref.replace(/^sha256:/, "");
  return wanted.length >= 12 && bare.startsWith(wanted);
}

type Filters = Record<string, string[]>;

function readFilters(filters: unknown): Filters {
  if (filters === undefined) return {};
  return (typeof filters === "string" ? JSON.parse(filters) : filters) as Filters;
}

function matchesFilters(container: Docker.ContainerInfo, filters: Filters): boolean {
  return Object.entries(filters).every(([key, values]) => {
    switch (key) {
      case "label":
        return values.every((wanted) => {
          const eq = wanted.indexOf("=");
          const name = eq < 0 ? wanted : wanted.slice(0, eq);
          const value = container.Labels[name];
          return value !== undefined && (eq < 0 || value === wanted.slice(eq + 1));
        });
      default:
        throw new Error(`the recorded engine does not filter containers by ${key}`);
    }
  });
}

/** What the fake was asked to do, for tests that check the evaluators clean up after themselves. */
export interface EngineLog {
  helpersCreated: string[];
  helpersRemoved: string[];
}

export class RecordedEngine {
  readonly recording: Recording;
  readonly log: EngineLog = { helpersCreated: [], helpersRemoved: [] };

  constructor(recording: Recording = loadRecording()) {
    this.recording = recording;
  }

  /** The fake, typed as the client the checks take. */
  get docker(): Docker {
    return this as unknown as Docker;
  }

  /** An exec the recording lacks, e.g. one that never finishes. */
  addExec(exec: RecordedExec): void {
    this.recording.execs.push(exec);
  }

  private container(ref: string): Docker.ContainerInspectInfo {
    const name = ref.replace(/^\//, "");
    const found =
      this.recording.containers.find((c) => c.Name === `/${name}`) ??
      this.recording.containers.find((c) => idMatches(c.Id, ref));
    if (!found) throw notFound("no such container", `No such container: ${ref}`);
    return found;
  }

  private image(ref: string): Docker.ImageInspectInfo {
    const key = imageKey(ref);
    const found = this.recording.images.find(
      (i) => i.RepoTags?.some((tag) => imageKey(tag) === key) || idMatches(i.Id, ref),
    );
    if (!found) throw notFound("no such image", `no such image: ${ref}: No such image: ${ref}`);
    return found;
  }

  getContainer(ref: string) {
    return {
      id: ref,
      inspect: async () => structuredClone(this.container(ref)),
      logs: async (options: { stdout?: boolean; stderr?: boolean; follow?: boolean } = {}) => {
        const info = this.container(ref);
        if (options.follow) throw new Error("the recorded engine has no live logs to follow");
        const logs = this.recording.logs[info.Name.slice(1)] ?? { stdout: "", stderr: "" };
        return multiplex({
          stdout: options.stdout ? logs.stdout : "",
          stderr: options.stderr ? logs.stderr : "",
        });
      },
      exec: async (options: { Cmd: string[]; Tty?: boolean }) => {
        const info = this.container(ref);
        const name = info.Name.slice(1);
        if (!info.State.Running) {
          const message = `Container ${info.Id} is not running`;
          throw Object.assign(new Error(`(HTTP code 409) container stopped/paused - ${message} `), {
            statusCode: 409,
          });
        }
        const run = this.recording.execs.find(
          (e) => e.container === name && JSON.stringify(e.cmd) === JSON.stringify(options.Cmd),
        );
        if (!run) throw new Error(`the recording has no exec of ${JSON.stringify(options.Cmd)} in ${name}`);
        return {
          start: async () => {
            if (run.hangs) return new PassThrough();
            // A frame a chunk, as the engine streams them.
            return Readable.from(frames(run), { objectMode: false });
          },
          inspect: async () => ({ Running: false, ExitCode: run.exitCode }),
        };
      },
    };
  }

  async listContainers(options: { all?: boolean; filters?: unknown } = {}): Promise<Docker.ContainerInfo[]> {
    const filters = readFilters(options.filters);
    return structuredClone(
      this.recording.containerList.filter(
        (c) => (options.all || c.State === "running") && matchesFilters(c, filters),
      ),
    );
  }

  getImage(ref: string) {
    return { inspect: async () => structuredClone(this.image(ref)) };
  }

  async listImages(): Promise<Docker.ImageInfo[]> {
    return structuredClone(this.recording.imageList);
  }

  getVolume(name: string) {
    return {
      inspect: async () => {
        const found = this.recording.volumes.find((v) => v.Name === name);
        if (!found) throw notFound("no such volume", `get ${name}: no such volume`);
        return structuredClone(found);
      },
    };
  }

  async listVolumes(): Promise<Recording["volumeList"]> {
    return structuredClone(this.recording.volumeList);
  }

  getNetwork(ref: string) {
    return {
      inspect: async () => {
        const found =
          this.recording.networks.find((n) => n.Name === ref) ??
          this.recording.networks.find((n) => idMatches(n.Id, ref));
        if (!found) throw notFound("no such network", `network ${ref} not found`);
        return structuredClone(found);
      },
    };
  }

  async listNetworks(): Promise<Docker.NetworkInspectInfo[]> {
    return structuredClone(this.recording.networkList);
  }

  /** Helper containers only (src/checks/helper.ts): answers with the recorded run of the same command. */
  async createContainer(options: Docker.ContainerCreateOptions) {
    this.image(options.Image ?? "");
    const run = this.helperRun(options);
    const name = options.name ?? "";
    this.log.helpersCreated.push(name);
    return {
      id: name,
      start: async () => undefined,
      wait: async () => ({ StatusCode: run.exitCode }),
      logs: async () => multiplex(run),
      remove: async () => {
        this.log.helpersRemoved.push(name);
      },
    };
  }

  private helperRun(options: Docker.ContainerCreateOptions): RecordedRun {
    const cmd = options.Cmd ?? [];
    const networkMode = options.HostConfig?.NetworkMode ?? "";
    const binds = options.HostConfig?.Binds ?? [];
    const volume = binds.map((b) => /^([^:/]+):\/volume:ro$/.exec(b)?.[1]).find(Boolean);
    let found: RecordedHelper | undefined;
    if (volume && cmd[0] === "cat" && cmd[1] === "--" && cmd[2]?.startsWith("/volume/")) {
      const file = cmd[2].slice("/volume".length);
      found = this.recording.helpers.find((h) => "volume" in h && h.volume === volume && h.path === file);
    } else if (networkMode.startsWith("container:") && cmd[0] === "sh" && cmd[1] === "-c") {
      const from = this.container(networkMode.slice("container:".length)).Name.slice(1);
      const name = /^nslookup '([^']*)'/.exec(cmd[2] ?? "")?.[1];
      found = this.recording.helpers.find((h) => "from" in h && h.from === from && h.name === name);
    }
    if (!found) {
      throw new Error(
        `the recording has no helper run of ${JSON.stringify(cmd)} (binds ${JSON.stringify(binds)}, network ${networkMode})`,
      );
    }
    return found;
  }
}

/** Every recorded resource is the lesson's: the names all start with tutor-rec-. */
export const recordedResources: Resources = {
  containers: ["tutor-rec-*"],
  images: ["tutor-rec-*"],
  volumes: ["tutor-rec-*"],
  networks: ["tutor-rec-*"],
  projects: ["tutor-rec-*"],
};

/** A minute before the first recorded container was created: when the recorded lesson started. */
export function recordedLessonStart(recording: Recording): string {
  const first = Math.min(...recording.containers.map((c) => Date.parse(c.Created)));
  return new Date(first - 60_000).toISOString();
}

/**
 * A check context on the recorded engine, as a lesson that owns the tutor-rec- resources, declares
 * busybox and python, and started just before the recording would have; bind mount sources resolve in
 * the recorded working folder.
 */
export function recordedContext(
  engine: RecordedEngine = new RecordedEngine(),
  options: { timeouts?: Partial<CheckContext["timeouts"]>; lessonStart?: string; t?: Translate } = {},
): CheckContext {
  return createCheckContext({
    docker: engine.docker,
    workdir: recordedWorkdir,
    resources: recordedResources,
    images: ["busybox:latest", "python:3.11-slim"],
    engineHost: "unix:///var/run/docker.sock",
    marker: { since: options.lessonStart ?? recordedLessonStart(engine.recording), imagesBefore: [] },
    timeouts: options.timeouts,
    t: options.t,
  });
}
