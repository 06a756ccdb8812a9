/**
 * The host keys OpenSSH has recorded (known_hosts files), and what they say of the key a host presents:
 * the same judgement `ssh` makes before it lets a connection go on.
 */
import { createHash, createHmac } from "node:crypto";

export interface KnownHostEntry {
  /** `@revoked` keys are refused; `@cert-authority` lines name CAs, which the tutor does not check. */
  marker: "revoked" | "cert-authority" | undefined;
  /** Comma-separated patterns (`host`, `[host]:port`, `*.example.com`, `!bad`), or one hashed name `|1|salt|hash`. */
  hosts: string;
  keyType: string;
  key: Buffer;
  /** `file:line`, for messages. */
  where: string;
}

export type HostKeyVerdict =
  | { kind: "known" }
  | { kind: "unknown" }
  | { kind: "changed"; where: string }
  | { kind: "revoked"; where: string };

export function parseKnownHosts(text: string, file: string): KnownHostEntry[] {
  const entries: KnownHostEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fields = raw.trim().split(/\s+/);
    if (fields[0] === "" || fields[0]?.startsWith("#")) return;
    const marker =
      fields[0] === "@revoked" ? "revoked" : fields[0] === "@cert-authority" ? "cert-authority" : undefined;
    const [hosts, keyType, key] = marker ? fields.slice(1) : fields;
    if (!hosts || !keyType || !key || !/^[A-Za-z0-9+/]+=*$/.test(key)) return;
    entries.push({ marker, hosts, keyType, key: Buffer.from(key, "base64"), where: `${file}:${index + 1}` });
  });
  return entries;
}

/** The name known_hosts records a host under: `host` on port 22, `[host]:port` on any other. */
export function knownHostName(host: string, port: number): string {
  const name = host.toLowerCase();
  return port === 22 ? name : `[${name}]:${port}`;
}

function wildcard(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

/** Whether an entry's host field names `name` (hashed names compared by their HMAC, patterns with `!` negation). */
export function entryNames(hosts: string, name: string): boolean {
  if (hosts.startsWith("|1|")) {
    const [, , salt, hash] = hosts.split("|");
    if (!salt || !hash) return false;
    return createHmac("sha1", Buffer.from(salt, "base64")).update(name).digest("base64") === hash;
  }
  let matched = false;
  for (const pattern of hosts.split(",")) {
    const negated = pattern.startsWith("!");
    if (!wildcard(negated ? pattern.slice(1) : pattern).test(name)) continue;
    if (negated) return false;
    matched = true;
  }
  return matched;
}

/** What the recorded keys say of `key`, the host key `name` presented (as the raw SSH key blob). */
export function judgeHostKey(entries: KnownHostEntry[], name: string, key: Buffer): HostKeyVerdict {
  const forHost = entries.filter((e) => e.marker !== "cert-authority" && entryNames(e.hosts, name));
  const revoked = entries.find((e) => e.marker === "revoked" && e.key.equals(key));
  if (revoked) return { kind: "revoked", where: revoked.where };
  if (forHost.some((e) => e.marker === undefined && e.key.equals(key))) return { kind: "known" };
  const other = forHost.find((e) => e.marker === undefined);
  return other ? { kind: "changed", where: other.where } : { kind: "unknown" };
}

/** The key types recorded for `name`, so the host is asked for one of those first (as `ssh` does). */
export function recordedKeyTypes(entries: KnownHostEntry[], name: string): string[] {
  return [
    ...new Set(
      entries.filter((e) => e.marker === undefined && entryNames(e.hosts, name)).map((e) => e.keyType),
    ),
  ];
}

/** ssh2's host key algorithms, those for the recorded key types first. */
export function hostKeyAlgorithms(recordedTypes: string[]): string[] {
  const all = [
    "ssh-ed25519",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "rsa-sha2-512",
    "rsa-sha2-256",
    "ssh-rsa",
  ];
  const algorithmsOf = (type: string) =>
    type === "ssh-rsa" ? ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"] : [type];
  const first = recordedTypes.flatMap(algorithmsOf).filter((a) => all.includes(a));
  return [...new Set([...first, ...all])];
}

/** The type a key blob names, and its SHA256 fingerprint as `ssh-keygen -l` prints it ("ED25519 SHA256:..."). */
export function describeHostKey(key: Buffer): string {
  const length = key.length >= 4 ? key.readUInt32BE(0) : 0;
  const type = key.subarray(4, 4 + length).toString("latin1");
  const kind =
    type === "ssh-ed25519"
      ? "ED25519"
      : type.startsWith("ecdsa-")
        ? "ECDSA"
        : type === "ssh-rsa"
          ? "RSA"
          : type;
  const fingerprint = createHash("sha256").update(key).digest("base64").replace(/=+$/, "");
  return `${kind} key SHA256:${fingerprint}`;
}
