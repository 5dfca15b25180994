import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

describe("configuration from the environment", () => {
  it("runs the console on SQLite with no settings at all", () => {
    const result = loadConfig({});
    expect(result.ok && result.config).toMatchObject({
      databaseUrl: "file:./data/noterat.db",
      locale: "sv",
      timeZone: "Europe/Stockholm",
      port: 3000,
      slack: null,
    });
  });

  it("gives every variable its default, and takes an empty value as not set", () => {
    const defaults = {
      databaseUrl: "file:./data/noterat.db",
      locale: "sv",
      timeZone: "Europe/Stockholm",
      exportDir: "./data/published",
      publicUrl: null,
      localUser: "Sekreteraren",
      localChannel: "konsol",
      logLevel: "info",
      port: 3000,
      portGiven: false,
      host: "0.0.0.0",
      slack: null,
      teams: null,
      reminderSchedule: "* * * * *",
      reminderRetentionDays: 90,
    };
    expect(loadConfig({})).toEqual({ ok: true, config: defaults });
    const empty = Object.fromEntries(
      [
        "DATABASE_URL",
        "NOTERAT_LOCALE",
        "NOTERAT_TIME_ZONE",
        "NOTERAT_EXPORT_DIR",
        "NOTERAT_PUBLIC_URL",
        "LOCAL_USER",
        "LOCAL_CHANNEL",
        "LOG_LEVEL",
        "PORT",
        "HOST",
        "SLACK_SIGNING_SECRET",
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_API_URL",
        "MICROSOFT_APP_ID",
        "MICROSOFT_APP_TYPE",
        "TEAMS_ALLOW_UNAUTHENTICATED",
        "TEAMS_TENANT_IDS",
        "REMINDER_SCHEDULE",
        "REMINDER_RETENTION_DAYS",
      ].map((name) => [name, ""]),
    );
    expect(loadConfig(empty)).toEqual({ ok: true, config: defaults });
  });

  it("takes good values as given", () => {
    const result = loadConfig({
      NOTERAT_LOCALE: "en",
      NOTERAT_TIME_ZONE: "Europe/Helsinki",
      NOTERAT_EXPORT_DIR: "/srv/noterat",
      NOTERAT_PUBLIC_URL: "https://protokoll.region.se/noterat/",
      LOCAL_USER: "Åsa.K_1-b",
      LOCAL_CHANNEL: "styrelsen",
      LOG_LEVEL: "debug",
      PORT: "8080",
      HOST: "127.0.0.1",
      REMINDER_SCHEDULE: "off",
      UNRELATED: "ignored",
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        locale: "en",
        timeZone: "Europe/Helsinki",
        exportDir: "/srv/noterat",
        publicUrl: "https://protokoll.region.se/noterat",
        localUser: "Åsa.K_1-b",
        localChannel: "styrelsen",
        logLevel: "debug",
        port: 8080,
        portGiven: true,
        host: "127.0.0.1",
        reminderSchedule: null,
      },
    });
  });

  it("names the choices of a setting that takes one of a list", () => {
    expect(
      loadConfig({
        NOTERAT_LOCALE: "fi",
        LOG_LEVEL: "verbose",
        MICROSOFT_APP_TYPE: "multitenant",
        TEAMS_ALLOW_UNAUTHENTICATED: "yes",
      }),
    ).toEqual({
      ok: false,
      problems: [
        'NOTERAT_LOCALE = "fi": must be one of: sv, en',
        'LOG_LEVEL = "verbose": must be one of: fatal, error, warn, info, debug, trace, silent',
        'MICROSOFT_APP_TYPE = "multitenant": must be one of: MultiTenant, SingleTenant, UserAssignedMSI',
        'TEAMS_ALLOW_UNAUTHENTICATED = "yes": must be one of: true, false',
      ],
    });
  });

  it("takes a port from 0 to 65535", () => {
    const port = (value: string) => {
      const result = loadConfig({ PORT: value });
      return result.ok ? result.config.port : result.problems;
    };
    expect(port("0")).toBe(0);
    expect(port("65535")).toBe(65_535);
    for (const bad of ["65536", "-1", "1.5", "http", "Infinity"]) {
      expect(port(bad), bad).toEqual([`PORT = "${bad}": must be a whole number from 0 to 65535`]);
    }
  });

  it("takes http(s) addresses only, the public one without ? or #", () => {
    const ok = loadConfig({
      NOTERAT_PUBLIC_URL: " HTTP://protokoll.region.se// ",
      SLACK_SIGNING_SECRET: "s",
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    expect(ok.ok && ok.config.publicUrl).toBe("HTTP://protokoll.region.se");
    expect(ok.ok && ok.config.slack?.apiUrl).toBe("http://127.0.0.1:9/api/");
    expect(
      loadConfig({ NOTERAT_PUBLIC_URL: "ftp://region.se/?a", SLACK_API_URL: "http:x" }),
    ).toEqual({
      ok: false,
      problems: [
        'NOTERAT_PUBLIC_URL = "ftp://region.se/?a": must be an http(s) address',
        'NOTERAT_PUBLIC_URL = "ftp://region.se/?a": must be a base address without ? or #',
        'SLACK_API_URL = "http:x": must be an http(s) address',
      ],
    });
    expect(loadConfig({ NOTERAT_PUBLIC_URL: "https://region.se/#top" })).toEqual({
      ok: false,
      problems: [
        'NOTERAT_PUBLIC_URL = "https://region.se/#top": must be a base address without ? or #',
      ],
    });
  });

  it("reports every problem at once, in a fixed order, one line each", () => {
    expect(
      loadConfig({
        TEAMS_TENANT_IDS: "a,b",
        REMINDER_SCHEDULE: "weekly",
        SLACK_APP_TOKEN: "xoxa-secret-app-token",
        MICROSOFT_APP_TENANT_ID: "tenant",
        LOCAL_USER: "two words",
        NOTERAT_TIME_ZONE: "Mars/Olympus",
        MICROSOFT_APP_ID: "app",
      }),
    ).toEqual({
      ok: false,
      problems: [
        'NOTERAT_TIME_ZONE = "Mars/Olympus": is not a known IANA time zone (e.g. Europe/Stockholm)',
        'LOCAL_USER = "two words": must be one word (letters, digits, . _ -)',
        'SLACK_APP_TOKEN: must be an app-level token ("xapp-…")',
        `MICROSOFT_APP_ID = "app": must be the bot's Microsoft app id (a GUID)`,
        'MICROSOFT_APP_TENANT_ID = "tenant": must be a tenant id (a GUID)',
        'TEAMS_TENANT_IDS = "a,b": must be tenant ids (GUIDs) separated by commas, no spaces',
        'REMINDER_SCHEDULE = "weekly": must be a cron expression (default "* * * * *", every minute) or "off"',
      ],
    });
  });

  it("takes a SQLite file or a PostgreSQL server as the database", () => {
    for (const url of [
      "file:/var/lib/noterat/noterat.db",
      "postgresql://noterat:s3cret@db.region.se:5432/noterat?sslmode=require",
      "postgres://noterat@10.0.0.5/noterat",
      "POSTGRESQL://noterat@db/noterat",
    ]) {
      const result = loadConfig({ DATABASE_URL: url });
      expect(result.ok && result.config.databaseUrl).toBe(url);
    }
  });

  it("names both forms for any other database URL, its password masked", () => {
    for (const [url, shown] of [
      ["mysql://root:s3cret@db/noterat", "mysql://root:***@db/noterat"],
      ["postgresql://noterat:s3cret@db:port/noterat", "postgresql://noterat:***@db:port/noterat"],
      ["postgresql://noterat:s3/cr@et@db/noterat", "postgresql://noterat:***@db/noterat"],
      ["./data/noterat.db", "./data/noterat.db"],
    ]) {
      expect(loadConfig({ DATABASE_URL: url })).toEqual({
        ok: false,
        problems: [
          `DATABASE_URL = "${shown}": must be a SQLite file ("file:./data/noterat.db") or a PostgreSQL server ("postgresql://user:password@host:5432/noterat")`,
        ],
      });
    }
  });

  it("picks the Slack mode from the settings present", () => {
    const single = loadConfig({ SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-1" });
    expect(single.ok && single.config.slack?.mode).toBe("single");
    const oauth = loadConfig({
      SLACK_SIGNING_SECRET: "s",
      SLACK_CLIENT_ID: "1.2",
      SLACK_CLIENT_SECRET: "c",
      SLACK_STATE_SECRET: "state",
    });
    expect(oauth.ok && oauth.config.slack?.mode).toBe("oauth");
    const socket = loadConfig({ SLACK_APP_TOKEN: "xapp-1", SLACK_BOT_TOKEN: "xoxb-1" });
    expect(socket.ok && socket.config.slack?.mode).toBe("socket");
  });

  it("says what a half-configured Slack lacks, one line per variable", () => {
    expect(loadConfig({ SLACK_CLIENT_ID: "1.2" })).toEqual({
      ok: false,
      problems: [
        "SLACK_SIGNING_SECRET: is required for Slack with OAuth (many workspaces)",
        "SLACK_CLIENT_SECRET: is required for Slack with OAuth (many workspaces)",
        "SLACK_STATE_SECRET: is required for Slack with OAuth (many workspaces)",
      ],
    });
    expect(loadConfig({ SLACK_SIGNING_SECRET: "s" })).toEqual({
      ok: false,
      problems: ["SLACK_BOT_TOKEN: is required for Slack in one workspace"],
    });
  });

  it("names bad values without echoing secrets", () => {
    const result = loadConfig({
      PORT: "http",
      SLACK_BOT_TOKEN: "xoxp-user-token-secret",
      NOTERAT_TIME_ZONE: "Mars/Olympus",
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      'NOTERAT_TIME_ZONE = "Mars/Olympus": is not a known IANA time zone (e.g. Europe/Stockholm)',
      'PORT = "http": must be a whole number from 0 to 65535',
      'SLACK_BOT_TOKEN: must be a bot token ("xoxb-…")',
    ]);
    expect(problems.join("\n")).not.toContain("xoxp-user-token-secret");
  });

  it("keeps sent and skipped reminders 90 days unless REMINDER_RETENTION_DAYS says otherwise", () => {
    const days = (value?: string) => {
      const result = loadConfig(value === undefined ? {} : { REMINDER_RETENTION_DAYS: value });
      return result.ok ? result.config.reminderRetentionDays : result.problems;
    };
    expect(days()).toBe(90);
    expect(days("1")).toBe(1);
    expect(days("30")).toBe(30);
    expect(days("3650")).toBe(3650);
    for (const bad of ["0", "3651", "-5", "1.5", "30d", "ninety", "1e3", "00000030"]) {
      expect(days(bad), bad).toEqual([
        `REMINDER_RETENTION_DAYS = "${bad}": must be a whole number of days from 1 to 3650 (default 90)`,
      ]);
    }
  });

  it("limits Teams to the listed tenants, and a single-tenant bot to its own", () => {
    const listed = loadConfig({
      TEAMS_ALLOW_UNAUTHENTICATED: "true",
      TEAMS_TENANT_IDS: "AAAAAAAA-0000-4000-8000-000000000001,bbbbbbbb-0000-4000-8000-000000000002",
    });
    expect(listed.ok && listed.config.teams?.tenants).toEqual([
      "aaaaaaaa-0000-4000-8000-000000000001",
      "bbbbbbbb-0000-4000-8000-000000000002",
    ]);
    const single = loadConfig({
      MICROSOFT_APP_ID: "5b3c9d7e-1f2a-4b6c-9d8e-7f6a5b4c3d2e",
      MICROSOFT_APP_PASSWORD: "p",
      MICROSOFT_APP_TYPE: "SingleTenant",
      MICROSOFT_APP_TENANT_ID: "cccccccc-0000-4000-8000-000000000003",
    });
    expect(single.ok && single.config.teams?.tenants).toEqual([
      "cccccccc-0000-4000-8000-000000000003",
    ]);
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: "true", NODE_ENV: "production" }).ok).toBe(
      false,
    );
  });

  it("takes Azure's app and tenant ids as any GUID, whatever its version nibble", () => {
    // Azure AD issues GUIDs, not RFC 9562 UUIDs: a version nibble of 0 occurs in real ids.
    const appId = "2db8f1a1-6b4b-0a59-0c8e-9e7b3c4d5e6f";
    const tenantId = "72F988BF-86F1-01AF-01AB-2D7CD011DB47";
    const single = loadConfig({
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: "p",
      MICROSOFT_APP_TYPE: "SingleTenant",
      MICROSOFT_APP_TENANT_ID: tenantId,
    });
    expect(single.ok && single.config.teams).toMatchObject({
      authenticated: true,
      appId,
      tenants: [tenantId.toLowerCase()],
    });
    const listed = loadConfig({
      TEAMS_ALLOW_UNAUTHENTICATED: "true",
      TEAMS_TENANT_IDS: `${tenantId},00000000-0000-0000-0000-000000000000`,
    });
    expect(listed.ok && listed.config.teams?.tenants).toEqual([
      tenantId.toLowerCase(),
      "00000000-0000-0000-0000-000000000000",
    ]);
  });

  it("refuses an app or tenant id that is not 8-4-4-4-12 hexadecimal digits", () => {
    for (const bad of [
      "2db8f1a16b4b0a590c8e9e7b3c4d5e6f",
      "{2db8f1a1-6b4b-0a59-0c8e-9e7b3c4d5e6f}",
      "2db8f1a1-6b4b-0a59-0c8e-9e7b3c4d5e6",
      "2db8f1a1-6b4b-0a59-0c8e-9e7b3c4d5e6g",
      "------------------------------------",
    ]) {
      expect(loadConfig({ MICROSOFT_APP_ID: bad, MICROSOFT_APP_PASSWORD: "p" }).ok, bad).toBe(
        false,
      );
      expect(
        loadConfig({
          MICROSOFT_APP_ID: "2db8f1a1-6b4b-0a59-0c8e-9e7b3c4d5e6f",
          MICROSOFT_APP_PASSWORD: "p",
          MICROSOFT_APP_TYPE: "SingleTenant",
          MICROSOFT_APP_TENANT_ID: bad,
        }).ok,
        bad,
      ).toBe(false);
      expect(
        loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: "true", TEAMS_TENANT_IDS: bad }).ok,
        bad,
      ).toBe(false);
    }
  });
});
