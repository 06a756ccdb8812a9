/** `dockerfile:` checks on real Dockerfiles in a temporary working folder: no engine. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckContext } from "../../../../src/checks/check-context.js";
import { dockerfileKind } from "../../../../src/checks/kinds/dockerfile.js";
import { fails, filesOnlyContext, inWords, parseAs, passes } from "../../../support/checks.js";

const dockerfile = `FROM python:3.11-slim AS build
WORKDIR /src
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .

FROM busybox:latest
COPY --from=build /src /app
USER nobody
CMD ["httpd", "-f", "-p", "8080"]
`;

let workdir: string;
let ctx: CheckContext;

beforeAll(async () => {
  workdir = await mkdtemp(path.join(os.tmpdir(), "docker-tutor-dockerfile-check-"));
  await writeFile(path.join(workdir, "Dockerfile"), dockerfile);
  await writeFile(path.join(workdir, "Dockerfile.empty"), "# nothing here yet\n");
  await writeFile(
    path.join(workdir, "Dockerfile.index"),
    "FROM python:3.11-slim AS render\nRUN mkdir /site\nFROM busybox:latest\nCOPY --from=0 /site /www\n",
  );
  await writeFile(path.join(workdir, "Dockerfile.single"), "from alpine\nrun apk add curl\n");
  ctx = filesOnlyContext(workdir);
});

afterAll(() => rm(workdir, { recursive: true, force: true }));

describe("dockerfile check, its label and references", () => {
  it("names the file, and its base image as text only (the engine is not asked)", () => {
    const check = parseAs(dockerfileKind, `- { dockerfile: Dockerfile, from: busybox }`);
    expect(dockerfileKind.label(check)).toBe("dockerfile Dockerfile");
    expect(dockerfileKind.references(check)).toEqual([{ kind: "images", name: "busybox", textOnly: true }]);
    expect(
      dockerfileKind.references(parseAs(dockerfileKind, `- { dockerfile: Dockerfile, stages: 2 }`)),
    ).toEqual([]);
  });
});

describe("dockerfile check on a file in the working folder", () => {
  it("the kind evaluates a parsed check by itself", async () => {
    const check = parseAs(dockerfileKind, `- dockerfile: Dockerfile`);
    expect(await dockerfileKind.evaluate(check, ctx)).toMatchObject({ passed: true });
  });

  it("parses stages, base image, instructions and their order", async () => {
    await passes(
      `
        - dockerfile: Dockerfile
          from: busybox
          stages: 2
          has: [COPY requirements.txt, COPY --from=build, USER nobody]
          lacks: [ADD, USER root]
          order: [COPY requirements.txt, RUN pip install, COPY . .]
        `,
      ctx,
    );
    // Keywords are matched whatever their case; one stage is "1 stage".
    await passes(`- { dockerfile: Dockerfile.single, from: alpine, stages: 1, has: [RUN apk] }`, ctx);
  });

  it("compares the final base image and the number of stages", async () => {
    expect(await fails(`- { dockerfile: Dockerfile, from: python:3.11-slim }`, ctx)).toBe(
      "Dockerfile builds FROM busybox:latest; expected python:3.11-slim",
    );
    expect(await fails(`- { dockerfile: Dockerfile, stages: 3 }`, ctx)).toBe(
      "Dockerfile has 2 stages; expected 3 stages",
    );
    expect(await fails(`- { dockerfile: Dockerfile, stages: { min: 3 } }`, ctx)).toBe(
      "Dockerfile has 2 stages; expected at least 3 stages",
    );
    expect(await fails(`- { dockerfile: Dockerfile, stages: { max: 1 } }`, ctx)).toBe(
      "Dockerfile has 2 stages; expected at most 1 stage",
    );
  });

  it("names the instruction missing or unwanted, with its flags and line", async () => {
    expect(await fails(`- { dockerfile: Dockerfile, has: [HEALTHCHECK] }`, ctx)).toBe(
      "Dockerfile has no HEALTHCHECK; expected HEALTHCHECK",
    );
    expect(await fails(`- { dockerfile: Dockerfile, lacks: [COPY --from=build] }`, ctx)).toBe(
      "Dockerfile has COPY --from=build /src /app on line 8; expected no COPY --from=build",
    );
  });

  it("reports an order violation with both lines", async () => {
    expect(
      await fails(`- { dockerfile: Dockerfile, order: [RUN pip install, COPY requirements.txt] }`, ctx),
    ).toBe(
      "Dockerfile has COPY requirements.txt on line 3, before RUN on line 4; expected RUN pip install → COPY requirements.txt",
    );
    expect(
      await fails(`- { dockerfile: Dockerfile, order: [COPY requirements.txt, HEALTHCHECK] }`, ctx),
    ).toBe("Dockerfile has no HEALTHCHECK; expected COPY requirements.txt → HEALTHCHECK");
  });

  it("says when the file is missing, has no FROM, or lies outside", async () => {
    expect(await fails(`- dockerfile: Dockerfile.prod`, ctx)).toBe(
      "Dockerfile.prod does not exist; expected a Dockerfile",
    );
    expect(await fails(`- dockerfile: Dockerfile.empty`, ctx)).toBe(
      "Dockerfile.empty has no FROM; expected a FROM line first",
    );
    expect(await fails(`- dockerfile: ../Dockerfile`, ctx)).toBe(
      "../Dockerfile points outside the lesson's working folder",
    );
  });
});

describe("dockerfile check on COPY --from", () => {
  it("takes a stage's index for its name, and its name for its index (dockerfile#multi-stage)", async () => {
    await passes(`- { dockerfile: Dockerfile.index, has: [COPY --from=render] }`, ctx);
    await passes(`- { dockerfile: Dockerfile, has: [COPY --from=0] }`, ctx);
    expect(await fails(`- { dockerfile: Dockerfile.index, has: [COPY --from=build] }`, ctx)).toBe(
      "Dockerfile.index has no COPY --from=build; expected COPY --from=build",
    );
  });
});

describe("dockerfile check in words", () => {
  it("says every field, in English and in French", () => {
    const yaml = `- dockerfile: app/Dockerfile
  from: python:3.11-slim
  stages: 2
  has: [COPY requirements.txt, RUN pip]
  lacks: [ADD]
  order: [COPY requirements.txt, RUN pip, COPY .]`;
    expect(inWords(yaml)).toBe(
      "Dockerfile app/Dockerfile builds FROM python:3.11-slim, has 2 stages, has COPY requirements.txt and RUN pip, has no ADD and has COPY requirements.txt, RUN pip, COPY ., in that order",
    );
    expect(inWords(yaml, "fr")).toBe(
      "le Dockerfile app/Dockerfile part de l'image python:3.11-slim (FROM), a 2 étapes de construction, contient COPY requirements.txt et RUN pip, ne contient pas ADD et contient COPY requirements.txt, RUN pip, COPY ., dans cet ordre",
    );
    expect(inWords("- dockerfile: Dockerfile")).toBe("Dockerfile Dockerfile parses");
  });
});
