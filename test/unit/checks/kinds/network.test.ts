/**
 * `network:` checks judged on network and container inspect JSON recorded from a real engine
 * (test/fixtures/inspect/); name resolution runs in a helper container, whose recorded run is replayed.
 */
import { describe, expect, it } from "vitest";
import { networkKind } from "../../../../src/checks/kinds/network.js";
import { fails, inWords, parseAs, passes } from "../../../support/checks.js";
import { RecordedEngine, recordedContext } from "../../../support/recorded-engine.js";

/** A bridge network: tutor-rec-web and tutor-rec-app-db-1 (alias db) running on it, tutor-rec-done exited. */
const network = "tutor-rec-net";
/** An internal network with tutor-rec-app-db-1 on it. */
const internal = "tutor-rec-back";
const web = "tutor-rec-web";
const done = "tutor-rec-done";

const ctx = recordedContext();

describe("network check, its label and references", () => {
  it("names the network and every container it mentions", () => {
    const check = parseAs(
      networkKind,
      `
      - network: ${network}
        containers: [${web}, ${done}]
        resolves: { from: tutor-rec-app-web-1, name: db }
      `,
    );
    expect(networkKind.label(check)).toBe(`network ${network}`);
    expect(networkKind.references(check)).toEqual([
      { kind: "networks", name: network },
      { kind: "containers", name: web },
      { kind: "containers", name: done },
      { kind: "containers", name: "tutor-rec-app-web-1" },
    ]);
  });
});

describe("network check on recorded networks", () => {
  it("the kind evaluates a parsed check by itself", async () => {
    const check = parseAs(networkKind, `- network: ${network}`);
    expect(await networkKind.evaluate(check, ctx)).toMatchObject({ passed: true });
  });

  it("finds the network, its driver and whether it is internal", async () => {
    await passes(`- { network: ${network}, driver: bridge, internal: false }`, ctx);
    await passes(`- { network: ${internal}, internal: true }`, ctx);
    expect(await fails(`- { network: ${network}, driver: overlay }`, ctx)).toBe(
      `network ${network} uses driver bridge; expected overlay`,
    );
    expect(await fails(`- { network: ${network}, internal: true }`, ctx)).toBe(
      `network ${network} is not internal; expected internal`,
    );
    expect(await fails(`- { network: ${internal}, internal: false }`, ctx)).toBe(
      `network ${internal} is internal; expected not internal`,
    );
  });

  it("suggests the name meant when it is misspelt", async () => {
    expect(await fails(`- network: tutor-rec-nett`, ctx)).toBe(
      `no network named tutor-rec-nett (there is ${network}: a typo?)`,
    );
    expect(await fails(`- network: tutor-rec-nothing-here`, ctx)).toBe(
      "no network named tutor-rec-nothing-here",
    );
  });

  // The network's own list holds running containers only: tutor-rec-done is attached through its settings.
  it("counts running and stopped containers as attached", async () => {
    await passes(`- { network: ${network}, containers: [${web}, ${done}] }`, ctx);
    expect(await fails(`- { network: ${network}, containers: [tutor-rec-app-web-1] }`, ctx)).toBe(
      `network ${network} connects tutor-rec-app-db-1, ${web}; expected tutor-rec-app-web-1 attached`,
    );
    expect(await fails(`- { network: ${internal}, containers: [${web}] }`, ctx)).toBe(
      `network ${internal} connects tutor-rec-app-db-1; expected ${web} attached`,
    );
  });
});

describe("network check resolves a name from inside a container", () => {
  it("passes when the name resolves and says so when it does not", async () => {
    const engine = new RecordedEngine();
    const resolving = recordedContext(engine);
    await passes(`- { network: ${network}, resolves: { from: ${web}, name: db } }`, resolving);
    expect(await fails(`- { network: ${network}, resolves: { from: ${web}, name: cache } }`, resolving)).toBe(
      `from ${web}, the name cache does not resolve; expected it to resolve`,
    );
    expect(engine.log.helpersRemoved).toEqual(engine.log.helpersCreated);
    expect(engine.log.helpersCreated).toHaveLength(2);
  });

  it("cannot resolve from a container that is not running or not there", async () => {
    expect(await fails(`- { network: ${network}, resolves: { from: ${done}, name: db } }`, ctx)).toBe(
      `container ${done} is exited; expected running, to resolve db`,
    );
    expect(
      await fails(`- { network: ${network}, resolves: { from: tutor-rec-nothing-here, name: db } }`, ctx),
    ).toBe("no container named tutor-rec-nothing-here, so nothing resolves db from it");
  });
});

describe("network check in words", () => {
  it("says every field, in English and in French", () => {
    const yaml = `- network: tutor-net
  driver: bridge
  internal: true
  containers: [tutor-a, tutor-b]
  resolves: {from: tutor-a, name: tutor-b}`;
    expect(inWords(yaml)).toBe(
      "network tutor-net uses driver bridge, is internal, connects tutor-a and tutor-b and lets tutor-a resolve the name tutor-b",
    );
    expect(inWords(yaml, "fr")).toBe(
      "le réseau tutor-net utilise le pilote bridge, est interne, relie tutor-a et tutor-b et permet à tutor-a de résoudre le nom tutor-b",
    );
    expect(inWords("- network: tutor-net\n  internal: false")).toBe("network tutor-net is not internal");
    expect(inWords("- network: tutor-net")).toBe("network tutor-net exists");
  });
});
