/** What evaluating a check gives: passed or not, and one line that says why. */
import type { Check } from "./vocabulary.js";

export interface Outcome {
  passed: boolean;
  /** One line naming what was found and, when it failed, what was expected. */
  message: string;
}

export interface CheckResult extends Outcome {
  /** A short label of the check: `container tutor-web`, `http 8080`, `not container tutor-old`. */
  check: string;
  /** Set when the engine could not answer: the check says nothing about the learner's work. */
  engineError?: boolean;
}

export function describeCheck(check: Check): string {
  switch (check.kind) {
    case "not":
      return `not ${describeCheck(check.not)}`;
    case "container":
      return `container ${refText(check.container)}`;
    case "exec":
      return `exec in ${refText(check.exec)}`;
    case "image":
      return `image ${check.image}`;
    case "volume":
      return `volume ${check.volume}`;
    case "network":
      return `network ${check.network}`;
    case "compose":
      return `compose project ${check.compose}`;
    case "http":
      return `http ${check.http}${check.path ?? ""}`;
    case "file":
      return `file ${check.file}`;
    case "dockerfile":
      return `dockerfile ${check.dockerfile}`;
  }
}

export function refText(ref: string | { project: string; service: string }): string {
  return typeof ref === "string" ? ref : `${ref.project}/${ref.service}`;
}
