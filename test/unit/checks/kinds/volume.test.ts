/**
 * `volume:` checks judged on volume inspect JSON recorded from a real engine (test/fixtures/inspect/);
 * a file inside the volume is read by a helper container, whose recorded run the fake engine replays.
 */
import { describe, expect, it } from "vitest";
import { volumeKind } from "../../../../src/checks/kinds/volume.js";
import { fails, inWords, parseAs, passes } from "../../../support/checks.js";
import { RecordedEngine, recordedContext } from "../../../support/recorded-engine.js";

/** Holds notes.txt ("hello from the volume") and an empty folder sub. */
const volume = "tutor-rec-data";

describe("volume check, its label and references", () => {
  it("names the volume", () => {
    const check = parseAs(volumeKind, `- { volume: ${volume}, file: { path: /notes.txt } }`);
    expect(volumeKind.label(check)).toBe(`volume ${volume}`);
    expect(volumeKind.references(check)).toEqual([{ kind: "volumes", name: volume }]);
  });
});

describe("volume check on a recorded volume", () => {
  const ctx = recordedContext();

  it("the kind evaluates a parsed check by itself", async () => {
    const check = parseAs(volumeKind, `- volume: ${volume}`);
    expect(await volumeKind.evaluate(check, ctx)).toMatchObject({ passed: true });
  });

  it("finds the volume and its driver, and suggests the name meant", async () => {
    await passes(`- { volume: ${volume}, driver: local }`, ctx);
    expect(await fails(`- { volume: ${volume}, driver: nfs }`, ctx)).toBe(
      `volume ${volume} uses driver local; expected nfs`,
    );
    expect(await fails(`- volume: tutor-rec-dta`, ctx)).toBe(
      `no volume named tutor-rec-dta (there is ${volume}: a typo?)`,
    );
    expect(await fails(`- volume: tutor-rec-nothing-here`, ctx)).toBe(
      "no volume named tutor-rec-nothing-here",
    );
  });
});

describe("volume check reads a file inside the volume", () => {
  it("says the file exists and what it contains", async () => {
    const ctx = recordedContext();
    await passes(`- { volume: ${volume}, file: { path: /notes.txt } }`, ctx);
    await passes(`- { volume: ${volume}, file: { path: /notes.txt, contains: hello } }`, ctx);
    expect(await fails(`- { volume: ${volume}, file: { path: /notes.txt, contains: goodbye } }`, ctx)).toBe(
      `/notes.txt in volume ${volume} ends with "hello from the volume"; expected it to contain "goodbye"`,
    );
  });

  // cat says "No such file or directory" for a missing file and "Is a directory" for a folder.
  it("tells a missing file from a folder", async () => {
    const ctx = recordedContext();
    expect(await fails(`- { volume: ${volume}, file: { path: /missing.txt } }`, ctx)).toBe(
      `/missing.txt in volume ${volume} does not exist; expected a file`,
    );
    expect(await fails(`- { volume: ${volume}, file: { path: /sub } }`, ctx)).toBe(
      `/sub in volume ${volume} is a folder; expected a file`,
    );
  });

  it("removes every helper container it created", async () => {
    const engine = new RecordedEngine();
    const ctx = recordedContext(engine);
    await passes(`- { volume: ${volume}, file: { path: /notes.txt } }`, ctx);
    await fails(`- { volume: ${volume}, file: { path: /missing.txt } }`, ctx);
    expect(engine.log.helpersCreated).toHaveLength(2);
    expect(engine.log.helpersCreated.every((name) => name.startsWith("tutor-helper-"))).toBe(true);
    expect(engine.log.helpersRemoved).toEqual(engine.log.helpersCreated);
  });

  it("says how to get an image with a shell when there is none for the helper", async () => {
    const ctx = { ...recordedContext(), helperImage: async () => undefined };
    expect(await fails(`- { volume: ${volume}, file: { path: /notes.txt } }`, ctx)).toBe(
      "no image with a shell is present to run a helper container: `docker pull busybox` provides one",
    );
  });
});

describe("volume check in words", () => {
  it("says the driver and the file it holds, in English and in French", () => {
    const yaml = "- volume: tutor-data\n  driver: local\n  file: {path: /notes.txt, contains: milk}";
    expect(inWords(yaml)).toBe('volume tutor-data uses driver local and holds /notes.txt containing "milk"');
    expect(inWords(yaml, "fr")).toBe(
      "le volume tutor-data utilise le pilote local et contient le fichier /notes.txt, qui contient « milk »",
    );
    expect(inWords("- volume: tutor-data\n  file: {path: /a}")).toBe("volume tutor-data holds /a");
    expect(inWords("- volume: tutor-data", "fr")).toBe("le volume tutor-data existe");
  });
});
