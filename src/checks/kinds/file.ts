/** `file:` checks on the host, inside the lesson's working folder. */
import { readFile, stat } from "node:fs/promises";
import { z } from "zod";
import type { Translate } from "../../i18n/index.js";
import { resolveInWorkdir } from "../../world/workdir.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, defineCheckKind } from "../check-kind.js";
import { fail, mismatch, pass } from "../diagnosis.js";
import { isIgnored, parseDockerignore } from "../dockerignore.js";
import { joinWords, pattern, quoted, sentence } from "../phrases.js";
import type { Outcome } from "../result.js";
import { text } from "../schema-parts.js";
import { matchText } from "../text-match.js";

export const fileCheck = z.strictObject({
  file: z.string().min(1),
  exists: z.boolean().optional(),
  contains: text.optional(),
  matches: text.optional(),
  /** Read as a `.dockerignore`, the file leaves out each of these paths of the build context. */
  excludes: z.array(z.string().min(1)).min(1).optional(),
});

export type FileCheck = CheckOf<"file", typeof fileCheck>;

const maxRead = 4 * 1024 * 1024;

async function evaluateFile(check: FileCheck, ctx: CheckContext): Promise<Outcome> {
  const { t } = ctx;
  const resolved = await resolveInWorkdir(ctx.workdir, check.file);
  if (!resolved.ok) return fail(t(`diag.workdir.${resolved.why}`, { path: check.file }));
  const subject = t("check.file.subject", { path: check.file });
  const info = await stat(resolved.path).catch(() => undefined);
  const wantExists = check.exists ?? true;
  if (!info)
    return wantExists ? mismatch(t, t("diag.file.missing", { subject }), t("diag.file.toExist")) : pass();
  if (!wantExists) return mismatch(t, t("diag.file.exists", { subject }), t("diag.file.notToExist"));
  if (check.contains === undefined && check.matches === undefined && check.excludes === undefined)
    return pass();
  if (!info.isFile())
    return mismatch(
      t,
      t(info.isDirectory() ? "diag.file.isFolder" : "diag.file.notPlain", { subject }),
      t("diag.file.aFile"),
    );
  if (info.size > maxRead) return fail(t("diag.file.tooLarge", { subject, size: info.size }));
  const text = await readFile(resolved.path, "utf8");
  if (check.excludes) {
    // Comments and blank lines do not count: `# secrets.env` leaves nothing out.
    const patterns = parseDockerignore(text);
    const kept = check.excludes.filter((p) => !isIgnored(patterns, p));
    if (kept.length > 0) {
      const paths = kept.join(", ");
      return mismatch(t, t("diag.file.keeps", { subject, paths }), t("diag.file.excluding", { paths }));
    }
    if (check.contains === undefined && check.matches === undefined) return pass();
  }
  return matchText(t, subject, text, { contains: check.contains, matches: check.matches }, false);
}

function describeFile(check: FileCheck, t: Translate): string {
  const facts: string[] = [];
  if (check.exists === false) facts.push(t("check.file.absent"));
  if (check.contains !== undefined) facts.push(t("check.file.contains", { text: quoted(check.contains, t) }));
  if (check.matches !== undefined) facts.push(t("check.file.matches", { pattern: pattern(check.matches) }));
  if (check.excludes !== undefined)
    facts.push(t("check.file.excludes", { paths: joinWords(check.excludes, t) }));
  return sentence(t("check.file.subject", { path: check.file }), facts, t("check.exists"), t);
}

export const fileKind = defineCheckKind<"file", FileCheck>({
  key: "file",
  schema: fileCheck,
  label: (check) => `file ${check.file}`,
  describe: describeFile,
  references: () => [],
  evaluate: evaluateFile,
});
