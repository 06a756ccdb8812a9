/** `http:` checks: GET on a published port, retried briefly while a server starts, never longer than the bound. */
import http from "node:http";
import { z } from "zod";
import type { CheckContext } from "../check-context.js";
import { type CheckOf, defineCheckKind } from "../check-kind.js";
import { mismatch, pass, quote } from "../diagnosis.js";
import type { Outcome } from "../result.js";
import { text } from "../schema-parts.js";

export const httpCheck = z.strictObject({
  http: z.number().int().min(1).max(65535),
  path: z.string().startsWith("/").optional(),
  status: z.number().int().min(100).max(599).optional(),
  contains: text.optional(),
});

export type HttpCheck = CheckOf<"http", typeof httpCheck>;

interface Answer {
  status?: number;
  body?: string;
  error?: string;
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
    const request = http.get(url, { headers: { "user-agent": "docker-tutor" } }, (response) => {
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
      response.on("error", (error) => settle({ error: error.message }));
    });
    const timer = setTimeout(() => {
      settle({ error: headers ? "the answer did not end in time" : "no answer in time" });
      request.destroy();
    }, limitMs);
    request.on("error", (error: NodeJS.ErrnoException) => settle({ error: describeError(error) }));
  });
}

function describeError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ECONNREFUSED":
      return "nothing listens there (connection refused)";
    case "ECONNRESET":
    case "EPIPE":
      return "the connection was closed before an answer";
    case "ETIMEDOUT":
      return "no answer in time";
    default:
      return error.message;
  }
}

function judge(check: HttpCheck, url: string, answer: Answer): Outcome {
  const subject = `GET ${url}`;
  if (answer.status === undefined)
    return mismatch(subject, `failed: ${answer.error}`, `status ${check.status ?? "2xx"}`);
  const statusOk =
    check.status !== undefined ? answer.status === check.status : answer.status >= 200 && answer.status < 300;
  if (!statusOk) return mismatch(subject, `answered ${answer.status}`, `${check.status ?? "2xx"}`);
  if (check.contains !== undefined && !(answer.body ?? "").includes(check.contains)) {
    const start = (answer.body ?? "").trim().split("\n")[0] ?? "";
    return mismatch(
      subject,
      `answered ${answer.status} with ${quote(start)}`,
      `a body containing ${quote(check.contains)}`,
    );
  }
  return pass(
    `${subject} answered ${answer.status}${check.contains !== undefined ? ` with ${quote(check.contains)}` : ""}`,
  );
}

async function evaluateHttp(check: HttpCheck, ctx: CheckContext): Promise<Outcome> {
  const url = `http://${ctx.portHost.includes(":") ? `[${ctx.portHost}]` : ctx.portHost}:${check.http}${check.path ?? "/"}`;
  const deadline = Date.now() + ctx.timeouts.httpMs;
  let outcome: Outcome;
  for (let attempt = 0; ; attempt++) {
    const remaining = Math.max(200, deadline - Date.now());
    outcome = judge(check, url, await get(url, Math.min(remaining, 2000)));
    if (outcome.passed || Date.now() >= deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 500)));
  }
}

export const httpKind = defineCheckKind<"http", HttpCheck>({
  key: "http",
  schema: httpCheck,
  label: (check) => `http ${check.http}${check.path ?? ""}`,
  references: () => [],
  evaluate: evaluateHttp,
});
