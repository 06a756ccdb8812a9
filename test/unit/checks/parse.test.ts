import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseCheckList } from "../../../src/checks/parse.js";

function messages(yaml: string): string[] {
  return parseCheckList(parse(yaml)).issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("the check vocabulary", () => {
  it("parses one check of every kind, tagged with its kind", () => {
    const { checks, issues } = parseCheckList(
      parse(`
- container: tutor-web
  state: running
  image: busybox
  ports: ["8080:80", "127.0.0.1:8443:443/tcp"]
  mounts: [{ target: /data, source: tutor-data, readOnly: true }]
  env: { MODE: prod }
  restart: unless-stopped
  logs: { contains: ready }
- container: { project: tutor-app, service: web }
  state: running
- image: tutor-app:1
  cmd: [httpd, -f]
  exposedPorts: [8080, 53/udp]
  layers: { min: 2 }
  maxSize: 20MB
- volume: tutor-data
  file: { path: /notes.txt, contains: hello }
- network: tutor-net
  containers: [tutor-web]
  resolves: { from: tutor-web, name: tutor-db }
- compose: tutor-app
  services: [web, db]
  count: { web: 2 }
- http: 8080
  path: /health
  status: 200
  contains: ok
- exec: tutor-web
  command: cat /etc/hostname
  exitCode: 0
- file: app/Dockerfile
  contains: FROM
- dockerfile: Dockerfile
  from: python:3.11-slim
  stages: 2
  order: ["COPY requirements.txt", "RUN", "COPY ."]
- not:
    container: tutor-old
`),
    );
    expect(issues).toEqual([]);
    expect(checks.map((c) => c.kind)).toEqual([
      "container", "container", "image", "volume", "network", "compose", "http", "exec", "file", "dockerfile", "not",
    ]); // biome-ignore format: one line reads better
    expect(checks[2]).toMatchObject({ kind: "image", exposedPorts: ["8080", "53/udp"] });
    expect(checks[10]).toEqual({ kind: "not", not: { kind: "container", container: "tutor-old" } });
  });

  it("names an unknown kind and suggests the closest", () => {
    expect(messages("- imgae: x")).toEqual([
      '0.imgae: unknown check kind "imgae" (did you mean "image"?); expected one of container, image, volume, network, compose, http, exec, file, dockerfile, happened, not',
    ]);
  });

  it("names an unknown field with the allowed ones", () => {
    expect(messages("- volume: tutor-data\n  drivr: local")).toEqual([
      '0.drivr: unknown field "drivr" in a volume check (did you mean "driver"?); allowed: volume, driver, file',
    ]);
  });

  it("names the field and the allowed values of an enum, and the one meant by a typo", () => {
    expect(messages("- container: x\n  state: runing")).toEqual([
      '0.state: field "state" must be one of "created", "running", "paused", "restarting", "exited", "dead" (did you mean "running"?)',
    ]);
    expect(messages("- container: x\n  state: asleep")).toEqual([
      '0.state: field "state" must be one of "created", "running", "paused", "restarting", "exited", "dead"',
    ]);
  });

  it("says what type a field must be, and which are required", () => {
    expect(messages("- container: x\n  exitCode: zero")).toEqual([
      '0.exitCode: field "exitCode" must be a number, not string "zero"',
    ]);
    expect(messages("- exec: x")).toEqual([
      '0.command: field "command" has the wrong shape: expected a shell command string, or a list of arguments',
    ]);
  });

  it("rejects a check with two kinds, and fields beside not", () => {
    expect(messages("- volume: a\n  network: b")).toEqual([
      "0.network: a check has one kind, this one has volume and network: split it into two checks",
    ]);
    expect(messages("- not: { container: a }\n  state: running")).toEqual([
      '0.state: "not" takes one check beneath it; move "state" inside it',
    ]);
  });

  it("validates inside not", () => {
    expect(messages("- not:\n    http: 99999")).toEqual([
      '0.not.http: field "http": must have at most 65535',
    ]);
  });

  it("wants a list", () => {
    expect(messages("container: x")).toEqual([
      ": a check block holds a YAML list of checks (- container: ...)",
    ]);
  });
});

describe("negation", () => {
  it("refuses a not of a not, which would only say the check itself in a confusing way", () => {
    expect(messages("- not: { not: { container: tutor-web } }")).toEqual([
      '0.not.not: "not" of a "not" says the check itself: write the inner check without both',
    ]);
  });
});
