#!/usr/bin/env node
/**
 * The entry point, kept tiny: `--version` answers without loading anything, a plain `list` goes
 * straight to its command (quick.ts), everything else through the program (program.ts), imported on demand.
 */
import { readFileSync } from "node:fs";

const version = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

// Learners cannot act on a dependency's deprecation notice; DEBUG shows them.
if (!process.env.DEBUG) process.noDeprecation = true;
// `docker-tutor list | head` closes the pipe early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    // A full disk or a closed terminal (`lint > /dev/full`): one line where it can still go, exit 2.
    if (stream === process.stdout)
      process.stderr.write(`docker-tutor: cannot write the output (${error.code ?? "error"})\n`);
    process.exit(2);
  });
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  process.stdout.write(`${version}\n`);
} else {
  // A plain `list` from the pack cache, in one small file (quick.ts); everything else, and a pack not
  // cached yet, through the program. The import is not a literal, so the main bundle leaves quick.js out.
  const quick = args[0] === "list" && (args.length === 1 || (args.length === 2 && args[1] === "--json"));
  const quickBundle = "./quick.js";
  const listed = quick ? await (await import(quickBundle)).quickList(args, version) : "not cached";
  if (listed !== "not cached") process.exitCode = listed;
  else {
    const { main } = await import("./program.js");
    process.exitCode = await main(process.argv, version);
  }
}
