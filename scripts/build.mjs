// Bundles the CLI with esbuild: one file per command chunk loads far faster than hundreds of
// node_modules files (start-up is mostly module loading). Type checking is `npm run typecheck`.
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { thirdPartyNotices } from "./third-party-notices.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
rmSync(path.join(root, "dist"), { recursive: true, force: true });
const { metafile } = await build({
  absWorkingDir: root,
  entryPoints: ["src/cli.ts"],
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  // Everything is bundled, so dist/ runs with no node_modules (the Docker image relies on it); only
  // optional native add-ons stay out: ssh2 and dockerode fall back to plain JS without them.
  external: ["node-pty", "cpu-features", "*.node"],
  // Bundled CommonJS dependencies still call require() and read __dirname.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "const require = __createRequire(import.meta.url);",
      "const __filename = __fileURLToPath(import.meta.url);",
      "const __dirname = __fileURLToPath(new URL('.', import.meta.url));",
    ].join(" "),
  },
  plugins: [
    {
      // highlight.js with the languages lessons use only (scripts/build/highlight-subset.cjs).
      name: "highlight-subset",
      setup(build) {
        const subset = path.join(root, "scripts", "build", "highlight-subset.cjs");
        build.onResolve({ filter: /^highlight\.js$/ }, () => ({ path: subset }));
      },
    },
  ],
  legalComments: "none",
  // Less source to compile at every start; names are kept so DEBUG traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
  // Which packages' code the bundle carries, for their notices.
  metafile: true,
});
chmodSync(path.join(root, "dist", "cli.js"), 0o755);

// `list` and `list --json` as one file (src/quick.ts): a learner runs `list` often, and every module the
// ESM loader resolves costs start-up time. It reads packs from the pack cache only: where an entry is
// missing, the pack loader (markdown, zod, yaml: megabytes) is not in this file but a stand-in that
// signals the miss (src/pack/load-pack-absent.ts), and cli.js runs the full program instead.
const quick = await build({
  absWorkingDir: root,
  entryPoints: ["src/quick.ts"],
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outfile: "dist/quick.js",
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // Loaded on demand by the terminal's yes/no question, which `list` never asks.
  external: ["@inquirer/confirm"],
  plugins: [
    {
      name: "pack-loader-stand-in",
      setup(build) {
        const standIn = path.join(root, "src", "pack", "load-pack-absent.ts");
        build.onResolve({ filter: /\/load-pack\.js$/ }, () => ({ path: standIn }));
      },
    },
  ],
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
  metafile: true,
});
// A guard, so a new import on the list path cannot quietly undo the point of this file.
const quickBytes = Object.values(quick.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
if (quickBytes > 120_000)
  throw new Error(`dist/quick.js is ${quickBytes} bytes: something heavy joined the list path`);
writeFileSync(path.join(root, "dist", "THIRD-PARTY-NOTICES.md"), `${thirdPartyNotices(metafile, root)}\n`);
