/**
 * TLS mistakes, worded as TLS mistakes: each names the file or setting at fault and how to put it right,
 * for DOCKER_HOST (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH) and for docker contexts alike.
 */
import path from "node:path";
import type { EngineFailure } from "./failure.js";
import { contextOf } from "./strategies/context.js";
import type { EngineTarget } from "./target.js";

/** The server's chain does not lead to the CA given (or, without one, to a CA this machine trusts). */
const untrustedServer = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "CERT_SIGNATURE_FAILURE",
  "CERT_UNTRUSTED",
]);

/** TLS alerts the engine sends when it refuses the client's certificate. */
const refusedClient =
  /ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|UNSUPPORTED_CERTIFICATE|DECRYPT_ERROR|ACCESS_DENIED)$/;

/** Where the engine is and where its address came from, for the first words of a message. */
function engineAt(target: EngineTarget): string {
  const from = target.source === "DOCKER_HOST" || contextOf(target) ? ` (from ${target.source})` : "";
  return `the engine at ${target.host}${from}`;
}

/** The fix for TLS files: a context's through `docker context update`, DOCKER_HOST's in DOCKER_CERT_PATH's folder. */
function filesFix(target: EngineTarget, forContext: string, forFolder: string): string {
  const context = contextOf(target);
  if (context)
    return `${forContext}: \`docker context update ${context} --docker "host=${target.host},ca=CA.pem,cert=CERT.pem,key=KEY.pem"\``;
  return forFolder;
}

function clientFix(target: EngineTarget): string {
  return filesFix(
    target,
    "give the context a client certificate signed by the engine's CA (the engine's --tlscacert), and its key",
    `put a client certificate signed by the engine's CA (the engine's --tlscacert) and its key at ${file(target, "cert.pem")} and ${file(target, "key.pem")}, or point DOCKER_CERT_PATH at the folder that has them`,
  );
}

function file(target: EngineTarget, name: string): string {
  return target.tls?.dir ? path.join(target.tls.dir, name) : name;
}

/** The failure when `error` is a TLS mistake; undefined when it is something else. */
export function describeTlsFailure(error: unknown, target: EngineTarget): EngineFailure | undefined {
  const code = String((error as NodeJS.ErrnoException)?.code ?? "");
  const text = error instanceof Error ? error.message : String(error);
  const status = (error as { statusCode?: number })?.statusCode;
  const tls = (message: string, fix: string): EngineFailure => ({ reason: "tls", message, fix });

  if (status === 400 && /HTTP request to an HTTPS server/i.test(text))
    return tls(
      `${engineAt(target)} speaks HTTPS only, and no TLS was set up to reach it`,
      filesFix(
        target,
        "give the context the engine's certificates",
        "set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with the engine's ca.pem, cert.pem and key.pem",
      ),
    );
  if (
    /wrong version number|packet length too long|unknown protocol/i.test(text) &&
    /^(EPROTO|ERR_SSL_)/.test(code)
  )
    return tls(
      `${engineAt(target)} speaks plain HTTP, not TLS`,
      contextOf(target)
        ? `drop the context's TLS settings: \`docker context update ${contextOf(target)} --docker host=${target.host}\``
        : "unset DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for this engine, or point DOCKER_HOST at its TLS port (usually 2376)",
    );
  if (untrustedServer.has(code)) {
    const ca = target.tls?.ca
      ? `the CA in ${file(target, "ca.pem")}`
      : `a CA this machine trusts (there is no ${file(target, "ca.pem")})`;
    return tls(
      `the engine's certificate is not signed by ${ca}`,
      filesFix(
        target,
        "give the context the CA that signed the engine's certificate (the engine's --tlscacert)",
        `put the CA that signed the engine's certificate (the engine's --tlscacert) at ${file(target, "ca.pem")}, or point DOCKER_CERT_PATH at the folder that has it`,
      ),
    );
  }
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    const reason = String((error as { reason?: unknown }).reason ?? text).replace(/\.$/, "");
    return tls(
      `the engine's certificate is not made out for the address used: ${reason}`,
      "reach the engine by a name or address its certificate holds, or give the engine a certificate for this one",
    );
  }
  if (code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID")
    return tls(
      `the engine's certificate ${code === "CERT_HAS_EXPIRED" ? "has expired" : "is not valid yet"}`,
      "renew the engine's certificate (its --tlscert), or set this machine's clock right",
    );
  if (/ALERT_CERTIFICATE_REQUIRED$/.test(code) || (refusedClient.test(code) && !target.tls?.cert))
    return tls(
      `${engineAt(target)} asks for a client certificate, and none was given (no ${file(target, "cert.pem")})`,
      clientFix(target),
    );
  if (refusedClient.test(code))
    return tls(
      `${engineAt(target)} refused the client certificate in ${file(target, "cert.pem")}: ${/EXPIRED$/.test(code) ? "it has expired" : "it is not signed by the CA the engine trusts"}`,
      clientFix(target),
    );
  if (code === "ERR_OSSL_X509_KEY_VALUES_MISMATCH")
    return tls(
      `the key in ${file(target, "key.pem")} does not belong to the certificate in ${file(target, "cert.pem")}`,
      filesFix(
        target,
        "give the context the key that goes with its certificate",
        `put the key that goes with ${file(target, "cert.pem")} at ${file(target, "key.pem")}`,
      ),
    );
  if (code.startsWith("ERR_OSSL_") && target.tls)
    return tls(
      `the TLS files in ${target.tls.dir ?? "the configuration"} cannot be used: ${String((error as { reason?: unknown }).reason ?? text)}`,
      filesFix(
        target,
        "give the context PEM files, the key without a passphrase",
        "use PEM files there, the key without a passphrase",
      ),
    );
  // docker-modem reads $DOCKER_CERT_PATH itself whenever DOCKER_HOST is tcp: a file it cannot use fails
  // the client before any connection.
  const pemFile = (error as { path?: unknown })?.path;
  if ((code === "ENOENT" || code === "EACCES") && typeof pemFile === "string" && pemFile.endsWith(".pem"))
    return tls(
      `cannot read ${pemFile}${code === "EACCES" ? " (permission denied)" : ""}, in the folder DOCKER_CERT_PATH names`,
      "put the engine's ca.pem, cert.pem and key.pem in that folder, or unset DOCKER_CERT_PATH",
    );
  if (/does not contain 'BEGIN CERTIFICATE'/.test(text))
    return tls(
      `${file(target, "ca.pem")} holds no PEM certificate`,
      "put the engine's CA certificate there, as PEM (what the engine's --tlscacert names)",
    );
  return undefined;
}
