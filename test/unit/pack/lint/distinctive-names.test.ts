import { describe, expect, it } from "vitest";
import { lessonText, lintFiles } from "../../../support/lint-pack.js";

const readStep = "## Read {#read}\n\nSome prose.\n";

describe("owned names that could be the learner's own", () => {
  it("draw a warning at the entry, suggesting the tutor- prefix", async () => {
    const lesson = lessonText(
      ["resources:", "  containers:", "    - tutor-web", "    - postgres", "  projects: [myapp]"],
      readStep,
    );
    expect(await lintFiles({ "lesson.md": lesson })).toEqual([
      `lesson.md:10:7: warning: resources.containers: "postgres" may be the learner's own container: name it "tutor-postgres" (or start it with the pack's id, "test-pack-")`,
      `lesson.md:11:14: warning: resources.projects: "myapp" may be the learner's own compose project: name it "tutor-myapp" (or start it with the pack's id, "test-pack-")`,
    ]);
  });

  it("cover every kind, images by their name without the registry host", async () => {
    const lesson = lessonText(
      [
        "resources:",
        "  volumes: [pgdata]",
        "  networks: [backend]",
        "  images: [python, myorg/prod-api, localhost:5055/app]",
      ],
      readStep,
    );
    const problems = await lintFiles({ "lesson.md": lesson });
    expect(problems.map((p) => p.replace(/ \(or start.*$/, ""))).toEqual([
      `lesson.md:8:13: warning: resources.volumes: "pgdata" may be the learner's own volume: name it "tutor-pgdata"`,
      `lesson.md:9:14: warning: resources.networks: "backend" may be the learner's own network: name it "tutor-backend"`,
      `lesson.md:10:12: warning: resources.images: "python" may be the learner's own image: name it "tutor-python"`,
      `lesson.md:10:20: warning: resources.images: "myorg/prod-api" may be the learner's own image: name it "tutor-myorg/prod-api"`,
      `lesson.md:10:36: warning: resources.images: "localhost:5055/app" may be the learner's own image: name it "localhost:5055/tutor-app"`,
    ]);
  });

  it("accept tutor- names, names that start with the pack's id, and tutor- patterns", async () => {
    const lesson = lessonText(
      [
        "resources:",
        "  containers: [tutor-web, test-pack-web, test-pack_db, tutor-worker-*]",
        "  volumes: [test-pack]",
        '  images: ["tutor-hello:1", localhost:5055/tutor-hello, test-pack/api]',
      ],
      readStep,
    );
    expect(await lintFiles({ "lesson.md": lesson })).toEqual([]);
  });

  it("do not take a mere prefix of the pack's id for the id", async () => {
    const lesson = lessonText(["resources:", "  containers: [test-packer, test]"], readStep);
    const problems = await lintFiles({ "lesson.md": lesson });
    expect(problems.map((p) => p.replace(/ may be.*$/, ""))).toEqual([
      'lesson.md:8:16: warning: resources.containers: "test-packer"',
      'lesson.md:8:29: warning: resources.containers: "test"',
    ]);
  });
});
