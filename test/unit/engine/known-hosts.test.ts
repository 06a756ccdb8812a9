import { describe, expect, it } from "vitest";
import {
  describeHostKey,
  hostKeyAlgorithms,
  judgeHostKey,
  knownHostName,
  parseKnownHosts,
  recordedKeyTypes,
} from "../../../src/engine/known-hosts.js";

// Made with ssh-keygen: `ssh-keygen -lf` says SHA256:eY7O28uIO1N72s/b85ZcskwaaJtAmpE+4Ate9Hadz+Y (ED25519).
const key = "AAAAC3NzaC1lZDI1NTE5AAAAIHBp1hrpt2aQyiPmyqnT64P7gcbdYCiM+kMYK2m5xSll";
const other = "AAAAC3NzaC1lZDI1NTE5AAAAIIGeguzuR3vxEPpdGhtd0HMFd6iM5WWFSyy57Hbt2k3a";
const blob = Buffer.from(key, "base64");
// `ssh-keygen -H` of "10.0.0.5 ssh-ed25519 <key>".
const hashed = "|1|H6g2cF/g10hSs00/bVqQgswdYwI=|529XHk0Y44oV/9+Rj8CTecuxMKM=";

const judge = (text: string, name: string) =>
  judgeHostKey(parseKnownHosts(text, "~/.ssh/known_hosts"), name, blob);

describe("known_hosts, judged as ssh judges a host's key", () => {
  it("names hosts as known_hosts records them: bare on port 22, [host]:port on any other", () => {
    expect(knownHostName("Build-Box", 22)).toBe("build-box");
    expect(knownHostName("10.0.0.5", 2222)).toBe("[10.0.0.5]:2222");
  });

  it("knows a host by name, by pattern, by [host]:port and by its hashed name", () => {
    expect(judge(`10.0.0.5 ssh-ed25519 ${key}`, "10.0.0.5")).toEqual({ kind: "known" });
    expect(judge(`box,10.0.0.* ssh-ed25519 ${key} comment`, "10.0.0.5")).toEqual({ kind: "known" });
    expect(judge(`[10.0.0.5]:2222 ssh-ed25519 ${key}`, "[10.0.0.5]:2222")).toEqual({ kind: "known" });
    expect(judge(`${hashed} ssh-ed25519 ${key}`, "10.0.0.5")).toEqual({ kind: "known" });
    expect(judge(`${hashed} ssh-ed25519 ${key}`, "10.0.0.6")).toEqual({ kind: "unknown" });
  });

  it("does not take a host on another port, a negated pattern, comments or a CA line for the host", () => {
    expect(judge(`10.0.0.5 ssh-ed25519 ${key}`, "[10.0.0.5]:2222")).toEqual({ kind: "unknown" });
    expect(judge(`10.0.0.*,!10.0.0.5 ssh-ed25519 ${key}`, "10.0.0.5")).toEqual({ kind: "unknown" });
    expect(judge(`# 10.0.0.5 ssh-ed25519 ${key}\n\n`, "10.0.0.5")).toEqual({ kind: "unknown" });
    expect(judge(`@cert-authority 10.0.0.5 ssh-ed25519 ${key}`, "10.0.0.5")).toEqual({ kind: "unknown" });
  });

  it("calls a different recorded key a change, and names its line", () => {
    expect(judge(`# mine\n10.0.0.5 ssh-ed25519 ${other}`, "10.0.0.5")).toEqual({
      kind: "changed",
      where: "~/.ssh/known_hosts:2",
    });
    expect(judge(`10.0.0.5 ssh-ed25519 ${other}\n10.0.0.5 ssh-ed25519 ${key}`, "10.0.0.5")).toEqual({
      kind: "known",
    });
  });

  it("refuses a revoked key, even beside a line that records it", () => {
    expect(judge(`10.0.0.5 ssh-ed25519 ${key}\n@revoked * ssh-ed25519 ${key}`, "10.0.0.5")).toEqual({
      kind: "revoked",
      where: "~/.ssh/known_hosts:2",
    });
  });

  it("asks the host for the key types recorded for it first", () => {
    const entries = parseKnownHosts(`10.0.0.5 ssh-rsa ${key}\nother ecdsa-sha2-nistp256 ${key}`, "f");
    expect(recordedKeyTypes(entries, "10.0.0.5")).toEqual(["ssh-rsa"]);
    expect(hostKeyAlgorithms(["ssh-rsa"]).slice(0, 4)).toEqual([
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa",
      "ssh-ed25519",
    ]);
    expect(hostKeyAlgorithms([])[0]).toBe("ssh-ed25519");
    expect(hostKeyAlgorithms(["ssh-dss"])).not.toContain("ssh-dss");
  });

  it("describes a key as ssh-keygen -l does", () => {
    expect(describeHostKey(blob)).toBe("ED25519 key SHA256:eY7O28uIO1N72s/b85ZcskwaaJtAmpE+4Ate9Hadz+Y");
  });
});
