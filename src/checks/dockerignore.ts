/**
 * Reads a `.dockerignore` as the builder does (moby's dockerignore and patternmatcher): a line that
 * starts with `#` is a comment, blank lines are skipped, `!` re-includes, a leading `/` and `./` are
 * dropped, and every pattern is anchored at the root of the build context. `*` and `?` stay within
 * one folder, `**` crosses any number of them; a pattern that matches a folder leaves out what is in
 * it; the last pattern that matches a path decides.
 */

export interface IgnorePattern {
  pattern: string;
  negated: boolean;
  regex: RegExp;
}

/** `a/./b/../c/` → `a/c`, as Go's filepath.Clean does for relative paths. */
function clean(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts.at(-1) !== "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/") || ".";
}

/** The pattern as a regular expression over a whole slash-separated path. */
function compile(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        // `**/` also matches no folder at all: `**/*.pyc` matches `app.pyc`.
        if (pattern[i + 1] === "/") {
          i++;
          source += "(?:.*/)?";
        } else source += ".*";
      } else source += "[^/]*";
    } else if (c === "?") source += "[^/]";
    else if (c === "\\" && i + 1 < pattern.length) {
      i++;
      source += literal(pattern[i] as string);
    } else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) source += "\\[";
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        source += `[${body}]`;
        i = end;
      }
    } else source += literal(c);
  }
  return new RegExp(`^${source}$`);
}

const literal = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith("#")) continue;
    let pattern = line.trim();
    if (pattern === "") continue;
    const negated = pattern.startsWith("!");
    if (negated) pattern = pattern.slice(1).trim();
    if (pattern === "") continue;
    pattern = clean(pattern);
    try {
      patterns.push({ pattern, negated, regex: compile(pattern) });
    } catch {
      // A pattern the builder would refuse leaves nothing out here either.
    }
  }
  return patterns;
}

/** Whether the build leaves `path` (relative to the context root) out of the context. */
export function isIgnored(patterns: IgnorePattern[], path: string): boolean {
  const target = clean(path);
  const parts = target.split("/");
  // The path itself and every folder above it: ignoring a folder ignores what it holds.
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
  let ignored = false;
  for (const { regex, negated } of patterns) {
    if (candidates.some((candidate) => regex.test(candidate))) ignored = !negated;
  }
  return ignored;
}
