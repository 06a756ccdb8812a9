// The notices of the npm packages whose code the bundle carries: the published package has no runtime
// dependencies, so their licences travel in dist/ instead of in node_modules.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// LICENSE, LICENCE.md, LICENSE-MIT, COPYING...; NOTICE too, which Apache-2.0 asks to pass on.
const licenceFile = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

/**
 * The package folders behind the bundle's code, from esbuild's metafile: every input that put bytes in
 * an output, up to its innermost node_modules/<name> or node_modules/@scope/<name>.
 */
export function bundledPackageDirs(metafile, workingDir) {
  const dirs = new Set();
  for (const output of Object.values(metafile.outputs))
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const parts = input.split("/");
      const at = parts.lastIndexOf("node_modules");
      if (at < 0) continue;
      const nameParts = parts[at + 1]?.startsWith("@") ? 2 : 1;
      dirs.add(path.resolve(workingDir, ...parts.slice(0, at + 1 + nameParts)));
    }
  return [...dirs];
}

function licenceName(pkg) {
  const { license, licenses } = pkg;
  if (typeof license === "string") return license;
  if (license?.type) return license.type;
  // The old form, still used by ssh2: [{ type, url }].
  if (Array.isArray(licenses)) return licenses.map((l) => l.type ?? l).join(" OR ");
  return "not stated";
}

function readPackage(dir) {
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const files = readdirSync(dir)
    .filter((name) => licenceFile.test(name))
    .sort();
  return {
    name: pkg.name,
    version: pkg.version,
    licence: licenceName(pkg),
    texts: files.map((file) => ({ file, text: readFileSync(path.join(dir, file), "utf8").trim() })),
  };
}

// A fence longer than any backtick run in the text, so a licence can never close it early.
function fenced(text) {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** THIRD-PARTY-NOTICES.md for a build's metafile, sorted by name then version so rebuilds match. */
export function thirdPartyNotices(metafile, workingDir) {
  const byId = new Map();
  for (const dir of bundledPackageDirs(metafile, workingDir)) {
    const pkg = readPackage(dir);
    byId.set(`${pkg.name}@${pkg.version}`, pkg);
  }
  // Names in code-point order, as npm sorts them (the same whatever the machine's locale); versions numerically.
  const packages = [...byId.values()].sort(
    (a, b) =>
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      a.version.localeCompare(b.version, "en", { numeric: true }),
  );
  const sections = packages.map((pkg) => {
    const texts = pkg.texts.length
      ? pkg.texts.map(({ file, text }) => `${file}:\n\n${fenced(text)}`)
      : ["The package ships no licence file."];
    return [`## ${pkg.name} ${pkg.version}`, `Licence: ${pkg.licence}`, ...texts].join("\n\n");
  });
  return [
    "# Third-party notices",
    `docker-tutor's dist/ bundles code from these ${packages.length} npm packages; each one's licence follows.`,
    ...sections,
  ].join("\n\n");
}
