import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PERSON_REFERENCES } from "../../../src/store/forget-person.js";

// `glöm` moves, counts and checks a person's records by one table: a new reference to Person in
// the schema that is not in it would keep a forgotten person's name, or delete a person still
// referred to. Columns that hold a person's id without a foreign key are named here by hand.
const WITHOUT_FOREIGN_KEY = ["attendance.substituteForId", "linkCode.createdById"];

function personForeignKeys(schema: string): string[] {
  const found: string[] = [];
  for (const [, model = "", body = ""] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const [, fields = ""] of body.matchAll(
      /^\s+\w+\s+Person\??\s+@relation\([^)]*fields: \[(\w+)\]/gm,
    )) {
      found.push(`${model[0]?.toLowerCase()}${model.slice(1)}.${fields}`);
    }
  }
  return found;
}

describe("the references glöm moves", () => {
  it("are every reference to a person in the schema", () => {
    const schema = readFileSync("prisma/schema.prisma", "utf8");
    const expected = [...personForeignKeys(schema), ...WITHOUT_FOREIGN_KEY].sort();
    const table = PERSON_REFERENCES.map(({ model, field }) => `${model}.${field}`).sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(table).toEqual(expected);
  });
});
