-- Full-text search over items (sök / search). Prisma cannot model FTS5, so the table and the
-- triggers that keep it in step with "Item" live only here; store/search-repository.ts queries it.
-- A standalone FTS5 table (not external content): Item has a text key, and the implicit rowid of
-- such a table may change on VACUUM, which would silently break an external-content index.
CREATE VIRTUAL TABLE "ItemSearch" USING fts5(
    "itemId" UNINDEXED,
    "councilId" UNINDEXED,
    "heading",
    "text",
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Item_search_insert" AFTER INSERT ON "Item" BEGIN
    INSERT INTO "ItemSearch" ("itemId", "councilId", "heading", "text")
    VALUES (new."id", new."councilId", new."heading", new."text");
END;

CREATE TRIGGER "Item_search_update" AFTER UPDATE OF "heading", "text" ON "Item" BEGIN
    UPDATE "ItemSearch" SET "heading" = new."heading", "text" = new."text" WHERE "itemId" = new."id";
END;

CREATE TRIGGER "Item_search_delete" AFTER DELETE ON "Item" BEGIN
    DELETE FROM "ItemSearch" WHERE "itemId" = old."id";
END;
