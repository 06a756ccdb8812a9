/** DOCKER_HOST, with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, as the docker CLI reads them. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkEngineHost, EngineConfigError } from "../config-error.js";
import type { EngineStrategy, EngineTarget } from "../target.js";
import { dockerConfigDir } from "./context.js";

export const dockerHostStrategy: EngineStrategy = {
  name: "DOCKER_HOST",
  async find(env) {
    const written = env.DOCKER_HOST?.trim();
    if (!written) return undefined;
    const host = written.includes("://") ? written : `tcp://${written}`;
    checkEngineHost(host, "DOCKER_HOST");
    const target: EngineTarget = { host, source: "DOCKER_HOST" };
    if (env.DOCKER_TLS_VERIFY || env.DOCKER_CERT_PATH) {
      // As the docker CLI: DOCKER_CERT_PATH, else the docker config folder ($DOCKER_CONFIG or ~/.docker).
      const dir = env.DOCKER_CERT_PATH || dockerConfigDir(env);
      const read = (name: string) => readFile(path.join(dir, name), "utf8").catch(() => undefined);
      const [ca, cert, key] = await Promise.all([read("ca.pem"), read("cert.pem"), read("key.pem")]);
      const verify = Boolean(env.DOCKER_TLS_VERIFY);
      const missing = [
        ...(verify && !ca ? ["ca.pem"] : []),
        ...(!cert ? ["cert.pem"] : []),
        ...(!key ? ["key.pem"] : []),
      ];
      if (missing.length > 0 && (verify || cert || key))
        throw new EngineConfigError(
          `DOCKER_TLS_VERIFY is set but ${missing.map((f) => path.join(dir, f)).join(", ")} ${missing.length === 1 ? "is" : "are"} missing`,
          "point DOCKER_CERT_PATH at the folder holding ca.pem, cert.pem and key.pem",
        );
      target.tls = { ca, cert, key, verify, dir };
    }
    return target;
  },
};
