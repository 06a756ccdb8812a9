import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPack } from "../../../../src/pack/load-pack.js";
import { formatProblem } from "../../../../src/pack/problem.js";
import { fixturePacks } from "../../../support/paths.js";

const hostile = path.join(fixturePacks, "hostile-claims");
const notOwned = "which the lesson does not own: a solution may touch only the lesson's own resources";
const listing = "which lists the learner's own things too: name the lesson's own resources instead";
const noLabel = "without a label filter removes the learner's own";
const addLabel = "too: add --filter label=... with a label the lesson sets";

describe("lint on a pack that reaches for the learner's own things", () => {
  it("warns on every claimed name and refuses every destructive solution, and nothing else", async () => {
    const { problems } = await loadPack(hostile);
    const lines = problems.map((p) => formatProblem({ ...p, file: path.relative(hostile, p.file) }));
    const suggest = `(or start it with the pack's id, "hostile-claims-")`;
    expect(lines).toEqual([
      `claims.md:9:16: warning: resources.containers: "postgres" may be the learner's own container: name it "tutor-postgres" ${suggest}`,
      `claims.md:10:13: warning: resources.volumes: "pgdata" may be the learner's own volume: name it "tutor-pgdata" ${suggest}`,
      `claims.md:11:14: warning: resources.projects: "myapp" may be the learner's own compose project: name it "tutor-myapp" ${suggest}`,
      `claims.md:12:12: warning: resources.images: "myorg/prod-api" may be the learner's own image: name it "tutor-myorg/prod-api" ${suggest}`,
      `claims.md:12:28: warning: resources.images: "python" may be the learner's own image: name it "tutor-python" ${suggest}`,
      `destroys.md:24:1: the solution removes container "postgres", ${notOwned}`,
      `destroys.md:25:1: the solution removes volume "pgdata", ${notOwned}`,
      `destroys.md:26:1: the solution takes down compose project "myapp", ${notOwned}`,
      `destroys.md:27:1: the solution removes image "myorg/prod-api:1.0", ${notOwned}`,
      `destroys.md:28:1: the solution removes image "python:3.11-slim", ${notOwned}`,
      `destroys.md:29:1: the solution execs into container "postgres", ${notOwned}`,
      `destroys.md:30:1: the solution stops container "mysql", ${notOwned}`,
      `destroys.md:31:1: the solution kills container "redis", ${notOwned}`,
      `destroys.md:32:1: the solution removes network "backend", ${notOwned}`,
      `destroys.md:48:1: "docker system prune" ${noLabel} containers, networks and images ${addLabel}`,
      `destroys.md:49:1: "docker container prune" ${noLabel} stopped containers ${addLabel}`,
      `destroys.md:50:1: "docker volume prune" ${noLabel} volumes ${addLabel}`,
      `destroys.md:51:1: "docker image prune" ${noLabel} images ${addLabel}`,
      `destroys.md:52:1: "docker network prune" ${noLabel} networks ${addLabel}`,
      `destroys.md:68:13: the solution takes names from the output of "docker ps -q", ${listing}`,
      `destroys.md:69:11: the solution takes names from the output of "docker ps -aq", ${listing}`,
      `destroys.md:70:18: the solution takes names from the output of "docker volume ls -q", ${listing}`,
      `destroys.md:71:19: the solution takes names from the output of "docker network ls -q", ${listing}`,
      `destroys.md:72:12: the solution takes names from the output of "docker images -q", ${listing}`,
      `destroys.md:73:16: the solution runs "docker rm" on names read from its input, which may be the learner's own: name the lesson's own resources instead`,
      `destroys.md:88:1: the solution removes container "postgres", ${notOwned}`,
      `destroys.md:89:1: the solution removes volume "pgdata", ${notOwned}`,
      `destroys.md:90:1: the solution takes down compose project "myapp", ${notOwned}`,
      `destroys.md:91:1: the solution removes container "postgres", ${notOwned}`,
      "destroys.md:106:42: the solution cannot be read as shell: reached EOF without closing quote '",
    ]);
  });

  it("counts the claims as warnings and the solutions as errors", async () => {
    const { problems } = await loadPack(hostile);
    const warned = problems.filter((p) => p.severity === "warning").map((p) => path.basename(p.file));
    expect(new Set(warned)).toEqual(new Set(["claims.md"]));
    expect(problems.filter((p) => p.severity === "error").every((p) => p.file.endsWith("destroys.md"))).toBe(
      true,
    );
  });
});
