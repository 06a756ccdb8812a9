import { describe, expect, it } from "vitest";
import { lessonText, lintFiles, taskStep } from "../../../support/lint-pack.js";

const owned = [
  "images: [busybox:latest]",
  "resources:",
  "  containers: [tutor-web, tutor-db]",
  "  volumes: [tutor-data]",
  "  networks: [tutor-net]",
  "  projects: [tutor-app]",
  "  images: [tutor-box]",
];

/** The problems lint finds in a lesson owning tutor- names whose one task has `solution`, without positions. */
async function solutionProblems(solution: string): Promise<string[]> {
  const lesson = lessonText(owned, taskStep("task", "- container: tutor-web", solution));
  return (await lintFiles({ "lesson.md": lesson })).map((p) => p.replace(/^lesson\.md:\d+:\d+: /, ""));
}

const notOwned = (does: string, what: string) =>
  `the solution ${does} ${what}, which the lesson does not own: a solution may touch only the lesson's own resources`;

describe("solutions that act on names", () => {
  it("may act on what the lesson owns", async () => {
    const solution = [
      "docker stop tutor-web && docker rm -f tutor-web",
      "docker exec -u root -w /tmp tutor-db sh -c 'rm -rf /tmp/*'",
      "docker network connect --alias db tutor-net tutor-db",
      "docker network disconnect bridge tutor-db",
      "docker volume rm tutor-data",
      "docker rmi tutor-box:1.0",
      "docker cp notes.txt tutor-web:/tmp/notes.txt",
      "docker compose -p tutor-app down",
      "docker image prune -f --filter label=tutor.lesson=task",
    ].join("\n");
    expect(await solutionProblems(solution)).toEqual([]);
  });

  it("may not remove, stop, kill, exec into or change anything else", async () => {
    const solution = [
      "docker container remove postgres",
      "docker restart -t 1 mysql",
      "docker pause redis",
      "docker exec -e PGUSER=admin postgres psql",
      "docker rename postgres tutor-db",
      "docker cp postgres:/var/lib/postgresql/data .",
      "docker network connect tutor-net postgres",
      "docker volume remove pgdata",
      "docker image rm python:3.11-slim",
      "docker compose -p myapp stop",
    ].join("\n");
    expect(await solutionProblems(solution)).toEqual([
      notOwned("removes", 'container "postgres"'),
      notOwned("restarts", 'container "mysql"'),
      notOwned("pauses", 'container "redis"'),
      notOwned("execs into", 'container "postgres"'),
      notOwned("renames", 'container "postgres"'),
      notOwned("copies files to or from", 'container "postgres"'),
      notOwned("connects", 'container "postgres"'),
      notOwned("removes", 'volume "pgdata"'),
      notOwned("removes", 'image "python:3.11-slim"'),
      notOwned("stops", 'compose project "myapp"'),
    ]);
  });

  it("are read past docker's own options, wrappers, quotes and continuations", async () => {
    const solution = [
      "docker --context ci -H unix:///run/docker.sock rm -f postgres",
      'sudo docker kill "red"is',
      "docker stop \\\n  mysql",
      "timeout 5 docker volume rm 'pg data'",
    ].join("\n");
    expect(await solutionProblems(solution)).toEqual([
      notOwned("removes", 'container "postgres"'),
      notOwned("kills", 'container "redis"'),
      notOwned("stops", 'container "mysql"'),
      notOwned("removes", 'volume "pg data"'),
    ]);
  });

  it("may not act on names the shell makes up, even where they would start like an owned pattern", async () => {
    const lesson = lessonText(
      owned.map((l) => l.replace("[tutor-web, tutor-db]", "[tutor-web, tutor-db, tutor-web-*]")),
      taskStep(
        "task",
        "- container: tutor-web",
        [
          'docker rm -f "$CID"',
          "docker rm -f tutor-web-$N",
          "docker stop tutor-web-*",
          "docker kill tutor-{web,db}",
        ].join("\n"),
      ),
    );
    const madeUp = (does: string, name: string) =>
      `the solution ${does} container "${name}", a name the shell makes up when it runs: name the lesson's own resources exactly`;
    expect(
      (await lintFiles({ "lesson.md": lesson })).map((p) => p.replace(/^lesson\.md:\d+:\d+: /, "")),
    ).toEqual([
      madeUp("removes", "$CID"),
      madeUp("removes", "tutor-web-$N"),
      madeUp("stops", "tutor-web-*"),
      madeUp("kills", "tutor-{web,db}"),
    ]);
  });

  it("follow scripts handed to sh -c, bash -ec and eval, and names set for compose", async () => {
    const solution = [
      "sh -c 'docker rm -f postgres'",
      'bash -ec "docker volume rm pgdata"',
      "eval docker kill redis",
      "COMPOSE_PROJECT_NAME=myapp docker compose down -v",
    ].join("\n");
    expect(await solutionProblems(solution)).toEqual([
      notOwned("removes", 'container "postgres"'),
      notOwned("removes", 'volume "pgdata"'),
      notOwned("kills", 'container "redis"'),
      notOwned("takes down", 'compose project "myapp"'),
    ]);
  });

  it("are not fooled by comments and here-documents", async () => {
    const solution = [
      "# docker rm -f postgres",
      "cat > notes.txt <<'EOF'",
      "docker rm -f postgres",
      "EOF",
    ].join("\n");
    expect(await solutionProblems(solution)).toEqual([]);
  });
});

describe("solutions that act on no name", () => {
  it("may prune only with a label filter", async () => {
    const solution = [
      "docker system prune -af --volumes",
      "docker volume prune --filter label!=keep",
      "docker container prune --filter=label=tutor.lesson=task",
      "docker builder prune -f",
      "docker compose -p tutor-app down --rmi all",
    ].join("\n");
    expect(await solutionProblems(solution)).toEqual([
      '"docker system prune" without a label filter removes the learner\'s own containers, networks and images too: add --filter label=... with a label the lesson sets',
      '"docker volume prune" without a label filter removes the learner\'s own volumes too: add --filter label=... with a label the lesson sets',
      '"docker builder prune" empties the learner\'s whole build cache: leave it out of the solution',
      '"docker compose down --rmi all" removes every image the services use, the learner\'s own too: use --rmi local',
    ]);
  });

  it("may not take names from docker ps and the like, in $(...), backquotes or <(...)", async () => {
    const listing = (command: string) =>
      `the solution takes names from the output of "${command}", which lists the learner's own things too: name the lesson's own resources instead`;
    const solution = [
      'docker stop "$(docker ps -q --filter name=tutor-web)"',
      "for id in `docker container ls -aq`; do docker rm $id; done",
      "while read -r v; do :; done < <(docker volume list -q)",
      "echo $(docker image ls)",
    ].join("\n");
    expect(await solutionProblems(solution)).toEqual([
      listing("docker ps -q --filter name=tutor-web"),
      listing("docker container ls -aq"),
      `the solution removes container "$id", a name the shell makes up when it runs: name the lesson's own resources exactly`,
      listing("docker volume list -q"),
      listing("docker image ls"),
    ]);
  });

  it("may not feed names from its input to xargs", async () => {
    expect(await solutionProblems("docker ps -aq | xargs -n1 docker rm -f")).toEqual([
      `the solution runs "docker rm" on names read from its input, which may be the learner's own: name the lesson's own resources instead`,
    ]);
  });
});

describe("solutions that are not shell", () => {
  it("are an error at the place the shell would stop, counted in characters", async () => {
    const lesson = lessonText(
      owned,
      taskStep(
        "task",
        "- container: tutor-web",
        'docker run --name tutor-web \\\n  busybox sh -c "ü" \'echo (',
      ),
    );
    expect(await lintFiles({ "lesson.md": lesson })).toEqual([
      "lesson.md:28:21: the solution cannot be read as shell: reached EOF without closing quote '",
    ]);
  });

  it("are refused past 64 KB rather than read", async () => {
    const problems = await solutionProblems(`echo ${"x".repeat(70 * 1024)}`);
    expect(problems).toEqual(["the solution cannot be read as shell: it is longer than 64 KB"]);
  });
});

describe("compose projects", () => {
  it("are named by -p before or after the verb, but -p after run publishes a port", async () => {
    const solution = ["docker compose -p tutor-app run -p 8080:80 web", "docker compose down -p myapp"].join(
      "\n",
    );
    expect(await solutionProblems(solution)).toEqual([notOwned("takes down", 'compose project "myapp"')]);
  });
});
