import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatMemory, memoryBytes } from "../../../../src/checks/container-health.js";
import { parseCheckList } from "../../../../src/checks/parse.js";
import { fails, passes } from "../../../support/checks.js";
import { RecordedEngine, recordedContext, recordingWith } from "../../../support/recorded-engine.js";

function engineFrom(file: string) {
  return recordedContext(new RecordedEngine(recordingWith(file)));
}

const docker20 = engineFrom("health-docker-20.json");
const docker28 = engineFrom("health-docker-28.json");
const podman = engineFrom("health-podman.json");
const c = (what: string) => `tutor-rec-health-${what}`;

describe("container check: health", () => {
  for (const [engine, ctx] of [
    ["Docker 20.10", docker20],
    ["Docker 28", docker28],
  ] as const) {
    it(`reads healthy, unhealthy and starting on ${engine}`, async () => {
      await passes(`- { container: ${c("healthy")}, health: healthy }`, ctx);
      await passes(`- { container: ${c("sick")}, state: running, health: unhealthy }`, ctx);
      // Running is not healthy: the check names the status it found.
      expect(await fails(`- { container: ${c("sick")}, state: running, health: healthy }`, ctx)).toBe(
        `container ${c("sick")} has health unhealthy; expected healthy`,
      );
      expect(await fails(`- { container: ${c("waiting")}, health: healthy }`, ctx)).toBe(
        `container ${c("waiting")} has health starting; expected healthy`,
      );
    });
  }

  it("says a container without a healthcheck has none, on Docker and on Podman alike", async () => {
    for (const ctx of [docker20, docker28, podman]) {
      expect(await fails(`- { container: ${c("plain")}, health: healthy }`, ctx)).toBe(
        `container ${c("plain")} has no healthcheck; expected health healthy`,
      );
      await passes(`- { container: ${c("plain")}, health: none }`, ctx);
      expect(await fails(`- { container: ${c("healthy")}, health: none }`, ctx)).toMatch(
        /^container tutor-rec-health-healthy has health (healthy|starting); expected no healthcheck$/,
      );
    }
  });

  it("sees Podman's healthcheck stay starting where no systemd timer runs it", async () => {
    expect(await fails(`- { container: ${c("healthy")}, health: healthy }`, podman)).toBe(
      `container ${c("healthy")} has health starting; expected healthy`,
    );
  });
});

describe("container check: memory and CPU limits", () => {
  it("reads --memory 64m and --cpus 0.5 on every engine, in any spelling of the size", async () => {
    for (const ctx of [docker20, docker28, podman]) {
      for (const size of ["64m", "64M", "64MiB", "64mb", "67108864", "0.0625g"]) {
        await passes(`- { container: ${c("limited")}, memory: ${size}, cpus: 0.5 }`, ctx);
      }
    }
  });

  it("reads a CPU quota per period as CPUs (--cpu-quota 150000 --cpu-period 100000)", async () => {
    for (const ctx of [docker20, docker28, podman]) {
      await passes(`- { container: ${c("quota")}, memory: 1g, cpus: 1.5 }`, ctx);
    }
  });

  it("refuses no limit, another limit, and a decimal megabyte", async () => {
    expect(await fails(`- { container: ${c("plain")}, memory: 64m }`, docker28)).toBe(
      `container ${c("plain")} has no memory limit; expected a memory limit of 64 MiB`,
    );
    expect(await fails(`- { container: ${c("quota")}, memory: 64m }`, docker28)).toBe(
      `container ${c("quota")} has a memory limit of 1 GiB; expected a memory limit of 64 MiB`,
    );
    expect(await fails(`- { container: ${c("plain")}, cpus: 0.5 }`, podman)).toBe(
      `container ${c("plain")} has no CPU limit; expected 0.5 CPUs`,
    );
    expect(await fails(`- { container: ${c("limited")}, cpus: 1 }`, docker20)).toBe(
      `container ${c("limited")} is limited to 0.5 CPUs; expected 1 CPU`,
    );
    // Docker reads every unit as binary: 64m is 67108864 bytes, never 64,000,000.
    expect(await fails(`- { container: ${c("limited")}, memory: 64000000 }`, docker20)).toBe(
      `container ${c("limited")} has a memory limit of 64 MiB; expected a memory limit of 62500 KiB`,
    );
  });

  it("sizes as Docker reads them, and refuses what is no size", () => {
    expect(memoryBytes("64m")).toBe(64 * 1024 ** 2);
    expect(memoryBytes("1.5g")).toBe(1.5 * 1024 ** 3);
    expect(memoryBytes("512k")).toBe(512 * 1024);
    expect(memoryBytes(4096)).toBe(4096);
    expect(formatMemory(1536 * 1024 ** 2)).toBe("1536 MiB");
    expect(formatMemory(1000)).toBe("1000 B");
    const { issues } = parseCheckList(parse(`- { container: tutor-x, memory: lots, cpus: 0 }`));
    expect(issues.map((i) => i.message).join("\n")).toMatch(/expected a size like "64m"/);
    expect(issues).toHaveLength(2);
  });
});
