/** `http:` checks: GET on a published port, retried while a server starts, never longer than the bound. */
import http from "node:http";
import { z } from "zod";
import type { Translate } from "../../i18n/index.js";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, defineCheckKind } from "../check-kind.js";
import { mismatch, quote, said } from "../diagnosis.js";
import { quoted } from "../phrases.js";
import type { Outcome } from "../result.js";
import { startRound } from "../round.js";
import { text } from "../schema-parts.js";

export const httpCheck = z.strictObject({
  http: z.number().int().min(1).max(65535),
  path: z.string().startsWith("/").optional(),
  status: z.number().int().min(100).max(599).optional(),
  contains: text.optional(),
});

export type HttpCheck = CheckOf<"http", typeof httpCheck>;

/** Why no answer came: known causes by name (the caller words them), others as the system says. */
type Trouble = "refused" | "reset" | "noAnswer" | "unfinished" | { text: string };

interface Answer {
  status?: number;
  body?: string;
  error?: Trouble;
  /** A running container publishes the port and has been up longer than a server takes to start. */
  upFor?: { name: string; seconds: number };
}

// The body is read up to 1 MiB (a check looks for a phrase in a page), then the connection is closed.
const maxBody = 1024 * 1024;

/** One GET that ends within `limitMs` whatever the server does: a body that drips or never ends included. */
function get(url: string, limitMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false;
    let headers = false;
    const settle = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    // A fresh connection each time, as curl makes: a kept-alive socket to a server that has since
    // restarted would fail with a reset that says nothing about the learner's server.
    const request = http.get(url, { agent: false, headers: { "user-agent": "docker-tutor" } }, (response) => {
      headers = true;
      const chunks: Buffer[] = [];
      let size = 0;
      const answered = () =>
        settle({ status: response.statusCode, body: Buffer.concat(chunks).toString("utf8") });
      response.on("data", (chunk: Buffer) => {
        if (settled) return;
        chunks.push(chunk.subarray(0, maxBody - size));
        size += chunk.length;
        if (size < maxBody) return;
        answered();
        request.destroy();
      });
      response.on("end", answered);
      response.on("error", (error) => settle({ error: { text: error.message } }));
    });
    const timer = setTimeout(() => {
      settle({ error: headers ? "unfinished" : "noAnswer" });
      request.destroy();
    }, limitMs);
    request.on("error", (error: NodeJS.ErrnoException) => settle({ error: describeError(error) }));
  });
}

function describeError(error: NodeJS.ErrnoException): Trouble {
  switch (error.code) {
    case "ECONNREFUSED":
      return "refused";
    case "ECONNRESET":
    case "EPIPE":
      return "reset";
    case "ETIMEDOUT":
      return "noAnswer";
    default:
      return { text: error.message };
  }
}

function troubleInWords(answer: Answer, port: number, t: Translate): string {
  const { error = "noAnswer", upFor } = answer;
  const words = typeof error === "string" ? t(`diag.http.${error}`) : error.text;
  return upFor ? t("diag.http.upFor", { error: words, ...upFor, port }) : words;
}

/** ` (after 1.2 s waiting for the server)`, when the check waited long enough for a person to notice. */
function waitedNote(waitedMs: number, t: Translate): string {
  return waitedMs >= 300 ? t("diag.http.waited", { seconds: Math.round(waitedMs / 100) / 10 }) : "";
}

function judge(check: HttpCheck, url: string, answer: Answer, t: Translate, waitedMs = 0): Outcome {
  const subject = `GET ${url}`;
  const waited = waitedNote(waitedMs, t);
  const wanted = `${check.status ?? "2xx"}`;
  if (answer.status === undefined) {
    const error = troubleInWords(answer, check.http, t);
    return mismatch(
      t,
      `${said(subject, t("diag.http.failed", { error }))}${waited}`,
      t("diag.http.status", { status: wanted }),
    );
  }
  const { status } = answer;
  const statusOk = check.status !== undefined ? status === check.status : status >= 200 && status < 300;
  if (!statusOk) return mismatch(t, `${said(subject, t("diag.http.answered", { status }))}${waited}`, wanted);
  if (check.contains !== undefined && !(answer.body ?? "").includes(check.contains)) {
    const start = quote((answer.body ?? "").trim().split("\n")[0] ?? "", t);
    return mismatch(
      t,
      `${said(subject, t("diag.http.answeredWith", { status, start }))}${waited}`,
      t("diag.http.body", { text: quote(check.contains, t) }),
    );
  }
  // Passed, in the check's own words with the address asked: a remote engine's host, not localhost.
  return { passed: true, message: describeHttp(check, t, url) };
}

/** Worth waiting for: no answer yet, or a gateway whose backend is still starting. */
function stillStarting(answer: Answer): boolean {
  return (
    answer.status === undefined || answer.status === 502 || answer.status === 503 || answer.status === 504
  );
}

/** The pause before retry `n` (from 0): 10, 20, 40, 80, 160, then 250 ms. */
export function retryDelayMs(n: number): number {
  return Math.min(10 * 2 ** n, 250);
}

/**
 * How long attempt `n` (from 0) may wait for an answer: 150 ms, doubling up to 2 s. A connection made
 * while a container starts can hang for a second in the engine's port proxy (its first packet to the
 * container is lost and resent after 1 s), while a fresh one a moment later answers at once; a server
 * that is merely slow gets longer attempts as they go.
 */
export function attemptLimitMs(n: number): number {
  return Math.min(150 * 2 ** n, 2000);
}

/** Resolves true after `ms`, or false at once when `signal` aborts (the step can no longer pass). */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Readiness, not a clock. Nothing is sent to a port no running container publishes: besides saying
 * nothing, a connection made while a container's network comes up stalls every connection to it for a
 * second. Then the first retries come fast (10, 20, 40 ms … then every 250 ms), for a server answers
 * within milliseconds of its container starting; none when the containers that publish the port have
 * run longer than the bound (their server is not starting, it does not answer there), or another check
 * of the step has failed; never past `timeouts.httpMs` in all.
 */
async function evaluateHttp(check: HttpCheck, ctx: CheckContext): Promise<Outcome> {
  const url = `http://${ctx.portHost.includes(":") ? `[${ctx.portHost}]` : ctx.portHost}:${check.http}${check.path ?? "/"}`;
  const started = Date.now();
  const round = ctx.round ?? startRound(ctx.docker, new AbortController().signal);
  const publishers = await round.publishers(check.http);
  const { t } = ctx;
  if (publishers?.length === 0)
    return mismatch(
      t,
      said(`GET ${url}`, t("diag.http.notSent", { port: check.http })),
      t("diag.http.status", { status: check.status ?? "2xx" }),
    );
  const youngest = publishers?.reduce((a, b) => (b.ageSeconds < a.ageSeconds ? b : a));
  // Up-times are whole seconds: a second of slack.
  const mayStartMs = youngest ? ctx.timeouts.httpMs + 1000 - youngest.ageSeconds * 1000 : ctx.timeouts.httpMs;
  const deadline = Math.min(started + ctx.timeouts.httpMs, started + mayStartMs, round.waitUntil);
  let retries = 0;
  const attempt = () => get(url, Math.min(Math.max(200, deadline - Date.now()), attemptLimitMs(retries)));
  let answer = await attempt();
  while (!judge(check, url, answer, t).passed && stillStarting(answer)) {
    if (round.stopWaiting.aborted || Date.now() >= deadline) break;
    if (!(await pause(retryDelayMs(retries), round.stopWaiting))) break;
    retries++;
    answer = await attempt();
  }
  if (youngest && mayStartMs <= 0 && answer.status === undefined)
    answer = { ...answer, upFor: { name: youngest.name, seconds: Math.round(youngest.ageSeconds) } };
  return judge(check, url, answer, t, Date.now() - started);
}

/** Words for authors name localhost: the engine's host is only known when the check runs. */
function describeHttp(
  check: HttpCheck,
  t: Translate,
  url = `http://localhost:${check.http}${check.path ?? "/"}`,
): string {
  const answer = t("check.http.get", { url, status: check.status ?? "2xx" });
  return check.contains === undefined
    ? answer
    : `${answer} ${t("check.http.body", { text: quoted(check.contains, t) })}`;
}

export const httpKind = defineCheckKind<"http", HttpCheck>({
  key: "http",
  schema: httpCheck,
  label: (check) => `http ${check.http}${check.path ?? ""}`,
  describe: describeHttp,
  references: () => [],
  dependsOnUnnamedContainers: true,
  evaluate: evaluateHttp,
});
