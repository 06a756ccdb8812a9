import path from "node:path";

/** Paths relative to where the command runs, as compilers print them, so terminals make them clickable. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const outside = relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return relative === "" || outside ? file : relative;
}
