import { describe, expect, it } from "vitest";
import { dialectOf, maskedUrl } from "../../src/store/database-url.js";

describe("database URLs", () => {
  it("knows SQLite files from PostgreSQL servers", () => {
    expect(dialectOf("file:./data/noterat.db")).toBe("sqlite");
    expect(dialectOf("postgresql://db/noterat")).toBe("postgresql");
    expect(dialectOf("postgres://db/noterat")).toBe("postgresql");
  });

  it.each([
    ["postgresql://bob:s3cret@db/x", "postgresql://bob:***@db/x"],
    ["postgresql:/bob:s3cret@db/x", "postgresql:/bob:***@db/x"],
    ["postgres//bob:s3cret@db/x", "postgres//bob:***@db/x"],
    ["bob:s3cret@db/x", "bob:***@db/x"],
    [
      "postgresql://bob:p@ss/w:rd@db:5432/x?password=zz",
      "postgresql://bob:***@db:5432/x?password=***",
    ],
    ["postgresql://bob@db/x", "postgresql://bob@db/x"],
    [
      "postgresql://db/x?sslmode=require&password=zz",
      "postgresql://db/x?sslmode=require&password=***",
    ],
    ["file:./data/noterat.db", "file:./data/noterat.db"],
  ])("shows %s as %s", (url, shown) => {
    expect(maskedUrl(url)).toBe(shown);
  });
});
