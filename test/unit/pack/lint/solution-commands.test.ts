import { describe, expect, it } from "vitest";
import { analyzeSolution, commands } from "../../../../src/pack/lint/solution-commands.js";

describe("reading solution scripts", () => {
  it("splits commands on separators and continuations, keeping quotes", () => {
    expect(
      commands("docker run --name a \\\n  busybox echo \"a b\" && docker ps; echo 'x;y' # note"),
    ).toEqual([
      { line: 1, words: ["docker", "run", "--name", "a", "busybox", "echo", "a b"] },
      { line: 2, words: ["docker", "ps"] },
      { line: 2, words: ["echo", "x;y"] },
    ]);
  });

  it("finds the images a solution uses and the names it creates", () => {
    const uses = analyzeSolution(
      [
        "docker run -d --name=tutor-web -p8080:80 -v tutor-data:/data --network tutor-net busybox httpd -f",
        "docker volume create tutor-vol",
        "docker build -t tutor-app:1 .",
        "docker tag tutor-app:1 localhost:5055/tutor-app:1",
        "docker container run -it --rm python:3.11-slim python3 -V",
        "$DOCKER_TUTOR_COMPOSE -p tutor-compose up -d",
      ].join("\n"),
    );
    expect(uses).toEqual([
      {
        line: 1,
        images: ["busybox"],
        creates: [
          { kind: "containers", name: "tutor-web" },
          { kind: "volumes", name: "tutor-data" },
          { kind: "networks", name: "tutor-net" },
        ],
      },
      { line: 2, images: [], creates: [{ kind: "volumes", name: "tutor-vol" }] },
      { line: 3, images: [], creates: [{ kind: "images", name: "tutor-app:1" }] },
      { line: 4, images: ["tutor-app:1"], creates: [{ kind: "images", name: "localhost:5055/tutor-app:1" }] },
      { line: 5, images: ["python:3.11-slim"], creates: [] },
      { line: 6, images: [], creates: [{ kind: "projects", name: "tutor-compose" }] },
    ]);
  });
});
