/** Turns the YAML value of a ```check block into typed checks, or into issues that name the field at fault. */
import { closest } from "../text/similar.js";
import { describeZodError, isPlainObject, type ValueIssue, type YamlPath } from "../validation/issues.js";
import { kindByKey } from "./kinds/index.js";
import { type Check, type CheckKindName, checkKinds } from "./vocabulary.js";

export interface ParsedChecks {
  checks: Check[];
  issues: ValueIssue[];
}

const kindList = checkKinds.join(", ");

export function parseCheckList(value: unknown): ParsedChecks {
  const checks: Check[] = [];
  const issues: ValueIssue[] = [];
  if (!Array.isArray(value)) {
    issues.push({ path: [], message: `a check block holds a YAML list of checks (- ${checkKinds[0]}: ...)` });
    return { checks, issues };
  }
  if (value.length === 0) issues.push({ path: [], message: "a check block needs at least one check" });
  value.forEach((item, index) => {
    const check = parseCheck(item, [index], issues);
    if (check) checks.push(check);
  });
  return { checks, issues };
}

export function parseCheck(value: unknown, path: YamlPath, issues: ValueIssue[]): Check | undefined {
  if (!isPlainObject(value)) {
    issues.push({ path, message: `a check is a mapping with one kind: ${kindList}` });
    return undefined;
  }
  const keys = Object.keys(value);
  const kinds = keys.filter((key): key is CheckKindName => (checkKinds as readonly string[]).includes(key));
  if (kinds.length === 0) {
    const first = keys[0] ?? "";
    const guess = closest(first, checkKinds);
    issues.push({
      path: first ? [...path, first] : path,
      atKey: Boolean(first),
      message: `unknown check kind "${first}"${guess ? ` (did you mean "${guess}"?)` : ""}; expected one of ${kindList}`,
    });
    return undefined;
  }
  // A kind key can also be a field of another kind (`image` inside a container check): the kind is
  // the one whose fields take in all the other kind keys.
  const kind = kinds.find((candidate) =>
    kinds.every(
      (other) =>
        other === candidate || (candidate !== "not" && other in (kindByKey(candidate)?.schema.shape ?? {})),
    ),
  );
  if (kind === undefined) {
    issues.push({
      path: [...path, kinds[1] as string],
      atKey: true,
      message: `a check has one kind, this one has ${kinds.join(" and ")}: split it into two checks`,
    });
    return undefined;
  }
  if (kind === "not") {
    const extra = keys.filter((key) => key !== "not");
    if (extra.length > 0) {
      issues.push({
        path: [...path, extra[0] as string],
        atKey: true,
        message: `"not" takes one check beneath it; move "${extra[0]}" inside it`,
      });
      return undefined;
    }
    const inner = parseCheck(value.not, [...path, "not"], issues);
    if (inner?.kind === "not") {
      issues.push({
        path: [...path, "not", "not"],
        atKey: true,
        message: '"not" of a "not" says the check itself: write the inner check without both',
      });
      return undefined;
    }
    return inner ? { kind: "not", not: inner } : undefined;
  }
  const checkKind = kindByKey(kind);
  if (!checkKind) return undefined;
  const schema = checkKind.schema;
  const result = schema.safeParse(value);
  if (!result.success) {
    issues.push(
      ...describeZodError(result.error, value, path, {
        what: `a ${kind} check`,
        fields: Object.keys(schema.shape),
        unionHints: checkKind.unionHints ?? {},
      }),
    );
    return undefined;
  }
  return { kind, ...result.data } as Check;
}
