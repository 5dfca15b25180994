import net from "node:net";
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from "botbuilder";
import {
  FakeBotConnector,
  type FakeBotConnectorOptions,
} from "../../support/fake-bot-connector.js";
import { type BotHttpServer, type BotLogic, startBotHttpServer } from "../../support/teams-http.js";

export const TENANT = "11111111-2222-4333-8444-555555555555";
export const ANNA = { id: "29:anna-teams-id", name: "Anna Lind", aadObjectId: "aad-anna" };
export const BERIT = { id: "29:berit-teams-id", name: "Berit Ek", aadObjectId: "aad-berit" };

/** A real CloudAdapter behind a real HTTP server, talking to a FakeBotConnector. */
export interface TeamsHarness {
  fake: FakeBotConnector;
  adapter: CloudAdapter;
  server: BotHttpServer;
  stop(): Promise<void>;
}

/**
 * `auth` is what botbuilder reads, by its own names (MicrosoftAppId, MicrosoftAppPassword,
 * MicrosoftAppType, MicrosoftAppTenantId); empty means authentication off.
 */
export async function startHarness(
  logic: BotLogic,
  options: {
    auth?: ConfigurationBotFrameworkAuthenticationOptions;
    fake?: FakeBotConnectorOptions;
  } = {},
): Promise<TeamsHarness> {
  const fake = new FakeBotConnector(options.fake);
  await fake.start();
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options.auth ?? {}));
  const server = await startBotHttpServer(adapter, logic);
  return {
    fake,
    adapter,
    server,
    stop: async () => {
      await server.stop();
      await fake.stop();
    },
  };
}

export interface NetworkGuard {
  /** Every host a TCP/TLS connection was opened to, in order. */
  hosts: string[];
  restore(): void;
}

/**
 * Refuses (ECONNREFUSED, before any DNS look-up) every TCP connection not to 127.0.0.1 and
 * records the hosts: proves a code path uses no network, and keeps tests from reaching
 * login.botframework.com if botbuilder tries.
 */
export function guardNetwork(): NetworkGuard {
  const hosts: string[] = [];
  const original = net.Socket.prototype.connect;
  function guarded(this: net.Socket, ...args: unknown[]): net.Socket {
    const host = targetHost(args[0]);
    hosts.push(host);
    if (host === "127.0.0.1") return Reflect.apply(original, this, args);
    const refused = Object.assign(new Error(`network guard: connection to ${host} refused`), {
      code: "ECONNREFUSED",
    });
    process.nextTick(() => this.destroy(refused));
    return this;
  }
  net.Socket.prototype.connect = guarded;
  return {
    hosts,
    restore: () => {
      net.Socket.prototype.connect = original;
    },
  };
}

/** net normalises connect() arguments to [options, callback]; tls passes options itself. */
function targetHost(first: unknown): string {
  const options = Array.isArray(first) ? first[0] : first;
  if (typeof options === "object" && options !== null) {
    const host: unknown = "host" in options ? options.host : undefined;
    if (typeof host === "string") return host;
    if ("path" in options && typeof options.path === "string") return `ipc:${options.path}`;
  }
  return "localhost";
}
