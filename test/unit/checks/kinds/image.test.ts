/** `image:` checks judged on image inspect JSON recorded from a real engine (test/fixtures/inspect/). */
import { describe, expect, it } from "vitest";
import { imageKind } from "../../../../src/checks/kinds/image.js";
import { fails, inWords, parseAs, passes } from "../../../support/checks.js";
import { recordedContext } from "../../../support/recorded-engine.js";

const ctx = recordedContext();

/** Built by record.sh from busybox: WORKDIR, ENV, LABEL, EXPOSE, USER, ENTRYPOINT, CMD; 2 layers, 2.0MB. */
const built = "tutor-rec-image:1";

describe("image check, its label and references", () => {
  it("names the image as written", () => {
    const check = parseAs(imageKind, `- { image: ${built}, layers: 2 }`);
    expect(imageKind.label(check)).toBe(`image ${built}`);
    expect(imageKind.references(check)).toEqual([{ kind: "images", name: built }]);
  });
});

describe("image check on recorded images", () => {
  it("the kind evaluates a parsed check by itself", async () => {
    const check = parseAs(imageKind, `- image: busybox`);
    expect(await imageKind.evaluate(check, ctx)).toMatchObject({ passed: true });
  });

  it("finds an image by any spelling of its tag, and suggests the tag meant", async () => {
    await passes(`- image: docker.io/library/busybox:latest`, ctx);
    expect(await fails(`- image: tutor-rec-image:2`, ctx)).toBe(
      `no image tutor-rec-image:2 (there is ${built}: a typo?)`,
    );
    expect(await fails(`- image: tutor-rec-absent:9`, ctx)).toBe("no image tutor-rec-absent:9");
  });

  it("passes on a built image with its whole configuration", async () => {
    await passes(
      `
        - image: ${built}
          labels: { org.example.tier: front }
          env: { MODE: prod }
          cmd: ["httpd -f -p 8080"]
          entrypoint: [/bin/sh, -c]
          exposedPorts: [8080, 53/udp]
          workdir: /app
          user: nobody
          layers: 2
          maxSize: 10MB
        `,
      ctx,
    );
  });

  it("compares CMD and ENTRYPOINT as lists", async () => {
    await passes(`- { image: busybox, cmd: [sh] }`, ctx);
    expect(await fails(`- { image: "busybox:latest", cmd: [httpd, -f, -p, "8080"] }`, ctx)).toBe(
      `image busybox:latest has CMD ["sh"]; expected ["httpd","-f","-p","8080"]`,
    );
    expect(await fails(`- { image: ${built}, cmd: [httpd -f -p 8080, -v] }`, ctx)).toBe(
      `image ${built} has CMD ["httpd -f -p 8080"]; expected ["httpd -f -p 8080","-v"]`,
    );
    expect(await fails(`- { image: ${built}, entrypoint: [httpd] }`, ctx)).toBe(
      `image ${built} has ENTRYPOINT ["/bin/sh","-c"]; expected ["httpd"]`,
    );
    expect(await fails(`- { image: busybox, entrypoint: [httpd] }`, ctx)).toBe(
      `image busybox has ENTRYPOINT []; expected ["httpd"]`,
    );
  });

  it("compares labels and environment", async () => {
    expect(await fails(`- { image: ${built}, labels: { org.example.tier: back } }`, ctx)).toBe(
      `image ${built} has label org.example.tier=front; expected org.example.tier=back`,
    );
    expect(await fails(`- { image: ${built}, labels: { maintainer: me } }`, ctx)).toBe(
      `image ${built} has no label maintainer; expected maintainer=me`,
    );
    expect(await fails(`- { image: ${built}, env: { MODE: dev } }`, ctx)).toBe(
      `image ${built} has MODE=prod; expected MODE=dev`,
    );
    await passes(`- { image: python:3.11-slim, env: { LANG: C.UTF-8 } }`, ctx);
  });

  it("lists the exposed ports, tcp unless said", async () => {
    expect(await fails(`- { image: ${built}, exposedPorts: [9090] }`, ctx)).toBe(
      `image ${built} exposes 53/udp, 8080/tcp; expected 9090/tcp`,
    );
    expect(await fails(`- { image: ${built}, exposedPorts: [53] }`, ctx)).toBe(
      `image ${built} exposes 53/udp, 8080/tcp; expected 53/tcp`,
    );
    expect(await fails(`- { image: busybox, exposedPorts: [80] }`, ctx)).toBe(
      "image busybox exposes no ports; expected 80/tcp",
    );
  });

  it("compares the working folder and the user, saying when none is set", async () => {
    expect(await fails(`- { image: ${built}, workdir: /srv }`, ctx)).toBe(
      `image ${built} has WORKDIR /app; expected /srv`,
    );
    expect(await fails(`- { image: busybox, workdir: /app }`, ctx)).toBe(
      "image busybox has WORKDIR / (none set); expected /app",
    );
    expect(await fails(`- { image: ${built}, user: app }`, ctx)).toBe(
      `image ${built} runs as user nobody; expected app`,
    );
    expect(await fails(`- { image: busybox, user: nobody }`, ctx)).toBe(
      "image busybox runs as user root (none set); expected nobody",
    );
  });

  it("counts layers and bounds the size", async () => {
    await passes(`- { image: ${built}, layers: { min: 2, max: 3 } }`, ctx);
    await passes(`- { image: "busybox:latest", layers: 1 }`, ctx);
    expect(await fails(`- { image: "busybox:latest", layers: { min: 2 } }`, ctx)).toBe(
      "image busybox:latest has 1 layer; expected at least 2 layers",
    );
    expect(await fails(`- { image: ${built}, layers: { max: 1 } }`, ctx)).toBe(
      `image ${built} has 2 layers; expected at most 1 layer`,
    );
    expect(await fails(`- { image: ${built}, layers: 4 }`, ctx)).toBe(
      `image ${built} has 2 layers; expected 4 layers`,
    );
    expect(await fails(`- { image: ${built}, maxSize: 1MB }`, ctx)).toBe(
      `image ${built} is 2.0MB; expected at most 1.0MB`,
    );
    expect(await fails(`- { image: python:3.11-slim, maxSize: 100MB }`, ctx)).toBe(
      "image python:3.11-slim is 119.8MB; expected at most 100.0MB",
    );
  });

  it("wants a tag on the intended image: the same ID as the image it should name (images#tag)", async () => {
    // `docker tag busybox:latest tutor-rec-image:1` would have made these the same image; they are not.
    await passes(`- { image: "docker.io/library/busybox", sameAs: "busybox:latest" }`, ctx);
    expect(await fails(`- { image: ${built}, sameAs: "busybox:latest" }`, ctx)).toBe(
      `image ${built} has ID 70569c2b3494; expected the same ID as busybox:latest (dac0c4aec696)`,
    );
    expect(await fails(`- { image: ${built}, sameAs: "tutor-rec-absent:1" }`, ctx)).toBe(
      `image ${built} has ID 70569c2b3494; expected the same ID as tutor-rec-absent:1, which is missing`,
    );
  });

  it("names the image it must be the same as, for lint", () => {
    const check = parseAs(imageKind, `- { image: "tutor-box:1.0", sameAs: "busybox:latest" }`);
    expect(imageKind.references(check)).toEqual([
      { kind: "images", name: "tutor-box:1.0" },
      { kind: "images", name: "busybox:latest" },
    ]);
  });
});

describe("image check in words", () => {
  it("says every field, in English and in French", () => {
    const yaml = `- image: tutor-app:1
  labels: {version: "1"}
  env: {PORT: "8000"}
  cmd: [python, app.py]
  entrypoint: [tini, --]
  exposedPorts: [8000, 53/udp]
  workdir: /app
  user: app
  layers: {min: 2, max: 5}
  maxSize: 20MB`;
    expect(inWords(yaml)).toBe(
      'image tutor-app:1 has label version=1, has environment PORT=8000, has CMD ["python","app.py"], has ENTRYPOINT ["tini","--"], exposes 8000 and 53/udp, has WORKDIR /app, runs as user app, has between 2 and 5 layers and is at most 20MB',
    );
    expect(inWords(yaml, "fr")).toBe(
      'l\'image tutor-app:1 a le label version=1, a pour environnement PORT=8000, a pour CMD ["python","app.py"], a pour ENTRYPOINT ["tini","--"], expose 8000 et 53/udp, a pour WORKDIR /app, tourne sous l\'utilisateur app, a entre 2 et 5 couches et fait au plus 20MB',
    );
  });

  it("counts layers in the right form, and says a bare check asks that the image exists", () => {
    expect(inWords("- image: tutor-a\n  layers: 1")).toBe("image tutor-a has 1 layer");
    expect(inWords("- image: tutor-a\n  layers: {max: 1}", "fr")).toBe("l'image tutor-a a au plus 1 couche");
    expect(inWords("- image: tutor-a\n  layers: {min: 3}")).toBe("image tutor-a has at least 3 layers");
    expect(inWords("- image: tutor-a")).toBe("image tutor-a exists");
  });
});

describe("image check in words: sameAs", () => {
  it("says which image the tag must point at", () => {
    expect(inWords("- image: tutor-box:1.0\n  sameAs: busybox:latest")).toBe(
      "image tutor-box:1.0 is the same image as busybox:latest",
    );
    expect(inWords("- image: tutor-box:1.0\n  sameAs: busybox:latest", "fr")).toBe(
      "l'image tutor-box:1.0 est la même image que busybox:latest",
    );
  });
});
