/**
 * mvdan-sh is Go compiled by GopherJS, whose runtime sets `Error.stackTraceLimit` to Infinity and a
 * global `require` while it loads. This module is imported just before it, remembers both, and puts
 * them back afterwards, so loading the shell parser changes nothing else in the process.
 */
const stackTraceLimit = Error.stackTraceLimit;
const hadRequire = Object.hasOwn(globalThis, "require");
const requireBefore = (globalThis as { require?: unknown }).require;

export function restoreGlobals(): void {
  Error.stackTraceLimit = stackTraceLimit;
  if (hadRequire) (globalThis as { require?: unknown }).require = requireBefore;
  else delete (globalThis as { require?: unknown }).require;
}
