/** A socket the test controls in front of the real engine: take it down and the engine is gone for the client. */
import { rm } from "node:fs/promises";
import net from "node:net";

export class EngineProxy {
  private server: net.Server | undefined;
  private readonly connections = new Set<net.Socket>();

  constructor(
    readonly socket: string,
    private readonly upstream = "/var/run/docker.sock",
  ) {}

  async up(): Promise<void> {
    await rm(this.socket, { force: true });
    this.server = net.createServer((client) => {
      const engine = net.connect(this.upstream);
      for (const side of [client, engine]) {
        this.connections.add(side);
        side.on("error", () => side.destroy());
        side.on("close", () => {
          this.connections.delete(side);
          client.destroy();
          engine.destroy();
        });
      }
      client.pipe(engine).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.socket, resolve));
  }

  /** Drops every connection and stops listening: clients see the engine vanish. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const side of this.connections) side.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await rm(this.socket, { force: true });
  }
}
