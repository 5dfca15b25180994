// Teams: the time from POSTing a message activity to /api/messages until Noterat has answered
// it through the Bot Connector (CloudAdapter sends the reply before it answers the POST, so the
// POST's round trip bounds the time to the reply reaching the fake connector). Floor: a bare
// CloudAdapter whose turn echoes the text. Client, server and fake run in this one process.

import { performance } from "node:perf_hooks";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { startHttpServer } from "../src/bots/http-server.js";
import { botRequest, botResponse } from "../src/bots/teams/teams-http.js";
import { createTeamsSurface } from "../src/bots/teams/teams-surface.js";
import type { Platform } from "../src/domain/types.js";
import type { HandlerDeps } from "../src/handlers/context.js";
import { type ChannelPublisher, fanOutPublisher } from "../src/handlers/publisher-fan-out.js";
import { createCommandRegistry } from "../src/handlers/registry.js";
import { createLogger } from "../src/logger.js";
import { openDatabase } from "../src/store/database.js";
import { createStore } from "../src/store/store.js";
import { FakeBotConnector } from "../test/support/fake-bot-connector.js";
import { postActivity, teamsMessage } from "../test/support/teams-activities.js";
import type { Benchmark, Figure } from "./benchmark.js";
import { type LatencySummary, summarize } from "./latency.js";
import { REPLY_P99 } from "./targets.js";

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const WARMUP = 100;
const REQUESTS = 1_000;
/** Councils given a Teams channel and a Teams secretary for the run. */
const TEAMS_COUNCILS = 200;

interface Speaker {
  channel: string;
  from: { id: string; name: string; aadObjectId: string };
}

export const teamsReplyBenchmark: Benchmark = {
  name: "teams-reply",
  title: "Teams message: time until the reply reaches the connector, Noterat vs a bare echo bot",
  async run(context) {
    const seeded = await context.database();
    const database = await openDatabase(seeded.url);
    const store = createStore(database);
    const speakers: Speaker[] = [];
    // Councils that meet today, so that `noterat` has a current meeting to write to.
    const councils = seeded.councils
      .filter((council) => council.meetsToday)
      .slice(0, TEAMS_COUNCILS);
    for (const [index, council] of councils.entries()) {
      const from = {
        id: `29:bench-${index}`,
        name: `Sekreterare ${index}`,
        aadObjectId: `aad-bench-${index}`,
      };
      const channel = `19:bench-${index}@thread.tacv2`;
      const person = await store.people.ensure({
        platform: "teams",
        workspaceId: TENANT,
        externalId: from.aadObjectId,
        displayName: from.name,
      });
      await database.prisma.channelBinding.upsert({
        where: {
          platform_workspaceId_channelId: {
            platform: "teams",
            workspaceId: TENANT,
            channelId: channel,
          },
        },
        create: {
          councilId: council.id,
          platform: "teams",
          workspaceId: TENANT,
          channelId: channel,
        },
        update: {},
      });
      await database.prisma.membership.upsert({
        where: {
          councilId_personId_role: {
            councilId: council.id,
            personId: person.id,
            role: "secretary",
          },
        },
        create: { councilId: council.id, personId: person.id, role: "secretary" },
        update: {},
      });
      speakers.push({ channel, from });
    }
    const connector = new FakeBotConnector({ members: speakers.map((speaker) => speaker.from) });
    await connector.start();
    const logger = createLogger("silent");
    const publishers: Partial<Record<Platform, ChannelPublisher>> = {};
    const deps: HandlerDeps = {
      store,
      clock: { now: () => new Date() },
      defaults: { locale: "sv", timeZone: "Europe/Stockholm" },
      publisher: fanOutPublisher(publishers),
    };
    const teams = createTeamsSurface({
      config: { authenticated: false, tenants: undefined },
      deps,
      registry: createCommandRegistry(),
      logger,
    });
    const ours = await startHttpServer({
      host: "127.0.0.1",
      port: 0,
      routes: [{ prefix: "/api/messages", listener: teams.listener }],
      logger,
    });
    const echo = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const floor = await startHttpServer({
      host: "127.0.0.1",
      port: 0,
      routes: [
        {
          prefix: "/api/messages",
          listener: (request, response) => {
            void botRequest(request).then(async (parsed) => {
              if (!parsed) {
                response.writeHead(400).end();
                return;
              }
              await echo.process(parsed, botResponse(response), async (turn) => {
                await turn.sendActivity(turn.activity.text ?? "");
              });
            });
          },
        },
      ],
      logger,
    });
    let turn = 0;
    const send = async (url: string, text: (index: number) => string): Promise<number> => {
      const speaker = speakers[turn % speakers.length] ?? speakers[0];
      turn += 1;
      if (!speaker) throw new Error("no Teams councils to speak in");
      const before = connector.activities.length;
      const started = performance.now();
      const answer = await postActivity(
        url,
        teamsMessage({
          serviceUrl: connector.serviceUrl,
          tenantId: TENANT,
          conversation: { id: speaker.channel, conversationType: "channel" },
          from: speaker.from,
          text: text(turn),
          botMention: true,
        }),
      );
      const elapsed = performance.now() - started;
      if (answer.status !== 200 || connector.activities.length === before) return Number.NaN;
      return elapsed;
    };
    const measure = async (url: string, text: (index: number) => string) => {
      for (let i = 0; i < WARMUP; i++) await send(url, text);
      const samples: number[] = [];
      let failures = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const ms = await send(url, text);
        if (Number.isNaN(ms)) failures += 1;
        else samples.push(ms);
      }
      return summarize(samples, { count: failures, first: undefined });
    };
    try {
      context.log("teams: öppna (read; the list goes to the caller's personal chat)");
      const read = await measure(ours.url, () => "öppna");
      context.log("teams: noterat (write; the answer goes to the channel)");
      const write = await measure(
        ours.url,
        (index) => `noterat Bänk ${index}: en punkt från Teams`,
      );
      context.log("teams: floor (echo)");
      const bare = await measure(floor.url, (index) => `eko ${index}`);
      const rss = process.memoryUsage().rss;
      const figures: Figure[] = [...rows("öppna", read, bare), ...rows("noterat", write, bare)];
      return {
        figures,
        notes: [
          `${REQUESTS} messages each, one after another, after ${WARMUP} unmeasured, over ${speakers.length} council channels bound to Teams in the seeded database`,
          "a reply reaches the fake connector before the POST is answered, so these times bound the time to the reply",
          "öppna in a channel answers in the caller's personal chat: two connector calls (create the chat, send) against one for the floor",
          "client, Noterat and the fake connector share this process and its event loop",
          `failures: öppna ${read.failures}, noterat ${write.failures}, floor ${bare.failures}; this process's RSS after the run ${Math.round(rss / 1_048_576)} MB`,
        ],
        details: { read, write, floor: bare, councils: speakers.length, rss },
      };
    } finally {
      await ours.close();
      await floor.close();
      await connector.stop();
      await database.close();
    }
  },
};

function rows(name: string, ours: LatencySummary, floor: LatencySummary): Figure[] {
  return (["p50", "p90", "p99", "max"] as const).map((p) => ({
    figure: `${name} reply ${p}`,
    unit: "ms",
    ours: ours[p],
    floor: floor[p],
    ...(p === "p99" ? { target: REPLY_P99 } : {}),
  }));
}
