/**
 * `happened:` checks on event logs recorded from real engines (Docker 20.10 and Podman 4.3's compatible
 * API), replayed by a fake engine that also records how it was asked. The real engines are in
 * test/engine/happened.test.ts.
 */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { createCheckContext } from "../../../../src/checks/check-context.js";
import { evaluateChecks } from "../../../../src/checks/evaluate.js";
import { commandMatches, signalNumber } from "../../../../src/checks/event-vocabulary.js";
import { happenedKind } from "../../../../src/checks/kinds/happened.js";
import { parseCheckList } from "../../../../src/checks/parse.js";
import { translator, type UiLanguage } from "../../../../src/i18n/index.js";
import { engineTimestamp, isoNanos, parseEvent } from "../../../../src/world/engine-events.js";
import { ownExecs } from "../../../../src/world/own-execs.js";
import { emptyResources } from "../../../../src/world/resources.js";
import { parseAs } from "../../../support/checks.js";
import { expectFrench } from "../../../support/french.js";

const began = "2026-11-28T12:00:00.5Z";
const beganNano = 1795867200_500000000n;
const now = "2026-11-28T12:00:09.123456789Z";

type Event = {
  action: string;
  name?: string;
  image?: string;
  attributes?: Record<string, string>;
  at: bigint;
  type?: string;
  id?: string;
};

function line(event: Event): string {
  return JSON.stringify({
    Type: event.type ?? "container",
    Action: event.action,
    Actor: {
      ID: event.id ?? "c0ffee",
      Attributes: {
        ...(event.name ? { name: event.name } : {}),
        ...(event.image ? { image: event.image } : {}),
        ...event.attributes,
      },
    },
    time: Number(event.at / 1_000_000_000n),
    // As the engine writes it: a JSON number too long for a double.
    timeNano: 0,
  }).replace('"timeNano":0', `"timeNano":${event.at}`);
}

/** A fake engine: `info` tells the time (and Podman's BuildahVersion), `getEvents` replays `events`. */
function engine(events: Event[], options: { podman?: boolean } = {}) {
  const asked: Record<string, unknown>[] = [];
  const docker = {
    info: async () => ({ SystemTime: now, ...(options.podman ? { BuildahVersion: "1.28.2" } : {}) }),
    getEvents: async (query: Record<string, unknown>) => {
      asked.push(query);
      return Readable.from([Buffer.from(events.map(line).join("\n"))]);
    },
  };
  return { docker, asked };
}

const resources = { ...emptyResources(), containers: ["tutor-ticker", "tutor-logger"] };

async function judge(
  yaml: string,
  events: Event[],
  options: { podman?: boolean; execs?: string[]; language?: UiLanguage } = {},
) {
  const { docker, asked } = engine(events, options);
  const execs = ownExecs();
  for (const id of options.execs ?? []) execs.note(id);
  const ctx = createCheckContext({
    docker: docker as never,
    workdir: "/nowhere",
    resources,
    images: ["busybox", "tutor-logging-app"],
    engineHost: "unix:///var/run/docker.sock",
    ownExecs: execs,
    t: translator(options.language ?? "en"),
  });
  const { checks, issues } = parseCheckList(parse(yaml));
  expect(issues).toEqual([]);
  const results = await evaluateChecks(checks, ctx, { stepBegan: began });
  return { results: results.map((r) => [r.passed, r.message]), asked };
}

const at = (seconds: number) => beganNano + BigInt(Math.round(seconds * 1e9));

describe("happened check: fields and words", () => {
  it("names what it wants, and the resources it looks at", () => {
    const check = parseAs(
      happenedKind,
      "- happened: {action: create, container: tutor-logger, image: tutor-logging-app}",
    );
    expect(happenedKind.label(check)).toBe(
      "happened create of container tutor-logger from image tutor-logging-app",
    );
    expect(happenedKind.references(check)).toEqual([
      { kind: "containers", name: "tutor-logger" },
      { kind: "images", name: "tutor-logging-app" },
    ]);
  });

  it("reads signals by name, short name or number", () => {
    expect(["SIGKILL", "KILL", "kill", "9"].map(signalNumber)).toEqual([9, 9, 9, 9]);
    expect(signalNumber(15)).toBe(15);
    expect(signalNumber("SIGNOPE")).toBeUndefined();
  });

  it("matches a command by its first words, the program by its file name", () => {
    expect(commandMatches("sh", "/bin/sh")).toBe(true);
    expect(commandMatches("sh", "sh -c ls")).toBe(true);
    expect(commandMatches("sh -c", "/bin/sh -c ls")).toBe(true);
    expect(commandMatches("sh", "bash")).toBe(false);
    expect(commandMatches("ls -l", "ls")).toBe(false);
  });

  it("lint knows which fields go with which actions", () => {
    const { issues } = parseCheckList(
      parse(`
- happened: {action: attach, container: tutor-ticker, signal: SIGKILL}
- happened: {action: start, exitCode: 1}
- happened: {action: die, command: sh}
- happened: {action: pull, container: tutor-ticker}
- happened: {action: kill, signal: SIGNOPE}
- happened: {action: atach}
`),
    );
    expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["0.happened.signal", 'field "happened.signal": only kill events carry it, not attach'],
      ["1.happened.exitCode", 'field "happened.exitCode": only die and exec_die events carry it, not start'],
      [
        "2.happened.command",
        'field "happened.command": only exec_create and exec_start events carry it, not die',
      ],
      [
        "3.happened.container",
        'field "happened.container": pull happens to an image: name the image, not a container',
      ],
      ["4.happened.signal", expect.stringContaining("expected a signal such as SIGTERM, SIGKILL or 9")],
      [
        "5.happened.action",
        expect.stringMatching(
          /^field "happened.action" must be one of "attach", .*\(did you mean "attach"\?\)$/,
        ),
      ],
    ]);
  });
});

describe("happened check on recorded event logs", () => {
  it("asks Docker for the step's span, to the nanosecond", async () => {
    const { asked } = await judge("- happened: {action: attach, container: tutor-ticker}", []);
    expect(asked).toEqual([{ since: "1795867200.500000000", until: "1795867209.123456789" }]);
  });

  it("asks Podman for every event since the start (its API answers nothing with until), and cuts at now", async () => {
    const { results, asked } = await judge(
      "- happened: {action: attach, container: tutor-ticker}",
      [{ action: "attach", name: "tutor-ticker", at: at(9) }],
      { podman: true },
    );
    expect(asked).toEqual([{ since: "1795867200.500000000", stream: false }]);
    expect(results).toEqual([
      [
        false,
        "container tutor-ticker has had no event since this step began; expected the event attach for container tutor-ticker",
      ],
    ]);
  });

  it("counts nothing from before the step, even in the same second", async () => {
    const { results } = await judge("- happened: {action: attach, container: tutor-ticker}", [
      { action: "attach", name: "tutor-ticker", at: at(-0.1) },
      { action: "start", name: "tutor-ticker", at: at(1) },
    ]);
    expect(results).toEqual([
      [
        false,
        "container tutor-ticker has had start since this step began; expected the event attach for container tutor-ticker",
      ],
    ]);
  });

  it("leaves out the tutor's execs and helpers, and other people's containers", async () => {
    const { results } = await judge(
      `- happened: {action: exec_start, container: tutor-ticker}
- happened: {action: create, image: busybox}
- happened: {action: start}`,
      [
        { action: "exec_start: sh -c true", name: "tutor-ticker", attributes: { execID: "e1" }, at: at(1) },
        {
          action: "create",
          name: "tutor-helper-1",
          image: "busybox",
          attributes: { "org.docker-tutor.helper": "true" },
          at: at(2),
        },
        { action: "start", name: "someone-else", image: "nginx", at: at(3) },
      ],
      { execs: ["e1"] },
    );
    expect(results).toEqual([
      [
        false,
        "container tutor-ticker has had no event since this step began; expected the event exec_start for container tutor-ticker",
      ],
      [
        false,
        "containers from image busybox have had no event since this step began; expected the event create of image busybox",
      ],
      [
        false,
        "the lesson's containers and images have had no event since this step began; expected the event start",
      ],
    ]);
  });

  it("counts a container the lesson did not name when it came from the lesson's image", async () => {
    const { results } = await judge(
      `- not:
    happened: {action: create, image: tutor-logging-app}`,
      [{ action: "create", name: "eager_turing", image: "tutor-logging-app:latest", at: at(1) }],
    );
    expect(results).toEqual([
      [
        false,
        "during the step, the engine reported the event create of image tutor-logging-app, but it should not",
      ],
    ]);
  });

  it("reads Podman's names as Docker's, and never counts its execs (it does not say whose they are)", async () => {
    const events: Event[] = [
      { action: "exec", name: "tutor-ticker", at: at(1) },
      { action: "exec_died", name: "tutor-ticker", at: at(2) },
      { action: "die", name: "tutor-ticker", attributes: { exitCode: "137" }, at: at(3) },
      { action: "remove", name: "tutor-ticker", at: at(4) },
    ];
    const { results } = await judge(
      `- happened: {action: destroy, container: tutor-ticker}
- happened: {action: exec_start, container: tutor-ticker}`,
      events,
      { podman: true },
    );
    expect(results).toEqual([
      [true, "during the step, the engine reported the event destroy for container tutor-ticker"],
      [
        false,
        "container tutor-ticker has had die (exit code 137), destroy since this step began; expected the event exec_start for container tutor-ticker",
      ],
    ]);
  });

  it("names an image pulled by its reference, not by its bare name", async () => {
    const pull = (ref: string, name: string): Event => ({
      type: "image",
      action: "pull",
      id: ref,
      attributes: { name },
      at: at(1),
    });
    const pulled136 = await judge("- happened: {action: pull, image: busybox}", [
      pull("busybox:1.36", "busybox"),
    ]);
    expect(pulled136.results[0]?.[0]).toBe(false);
    const pulledLatest = await judge("- happened: {action: pull, image: busybox}", [
      pull("busybox:latest", "busybox"),
    ]);
    expect(pulledLatest.results).toEqual([
      [true, "during the step, the engine reported the event pull of image busybox"],
    ]);
  });
});

describe("happened check in French", () => {
  it("words what happened instead, and what it wanted, in French", async () => {
    const yaml = `- happened: {action: kill, container: tutor-ticker, signal: SIGTERM}
- happened: {action: create, image: busybox}
- not:
    happened: {action: start}`;
    const events: Event[] = [
      { action: "kill", name: "tutor-ticker", attributes: { signal: "9" }, at: at(1) },
      { action: "die", name: "tutor-ticker", attributes: { exitCode: "137" }, at: at(2) },
      { action: "start", name: "tutor-logger", at: at(3) },
    ];
    const [english, french] = await Promise.all([
      judge(yaml, events),
      judge(yaml, events, { language: "fr" }),
    ]);
    expect(french.results).toEqual([
      [
        false,
        "le conteneur tutor-ticker a connu kill (SIGKILL), die (code de sortie 137) depuis le début de l'étape ; attendu : l'événement kill pour le conteneur tutor-ticker avec le signal SIGTERM",
      ],
      [
        false,
        "les conteneurs de l'image busybox n'ont connu aucun événement depuis le début de l'étape ; attendu : l'événement create de l'image busybox",
      ],
      [
        false,
        "pendant l'étape, le moteur a signalé l'événement start, alors que ce ne devrait pas être le cas",
      ],
    ]);
    french.results.forEach(([, message], n) => {
      expectFrench(String(message), String(english.results[n]?.[1]), yaml);
    });
  });
});

describe("event log parsing", () => {
  it("keeps every digit of the time, and the action's detail apart", () => {
    const event = parseEvent(line({ action: "exec_start: sh -c ls", name: "x", at: 1795867388326249603n }));
    expect(event).toMatchObject({
      action: "exec_start",
      detail: "sh -c ls",
      timeNano: 1795867388326249603n,
    });
    expect(parseEvent("not json")).toBeUndefined();
    expect(parseEvent('{"Actor": 3}')).toBeUndefined();
  });

  it("reads the engine's time to the nanosecond, and writes it back the same", () => {
    expect(isoNanos("2026-11-28T12:00:09.123456789Z")).toBe(1795867209123456789n);
    expect(isoNanos("2026-11-28T12:00:09Z")).toBe(1795867209000000000n);
    expect(isoNanos("yesterday")).toBeUndefined();
    expect(engineTimestamp(1795867209000000001n)).toBe("1795867209.000000001");
  });
});
