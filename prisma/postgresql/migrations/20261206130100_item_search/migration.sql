-- Full-text search of minuted items (SQLite keeps FTS5): each item's heading and text as a
-- tsvector in the council's language — Swedish stems, so "valideringen" finds "validering" —
-- headings weighted above text, kept by triggers. The GIN index leads with the council, so a
-- search reads one council's entries only (btree_gin lets a text column into a GIN index).
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE "ItemSearch" (
    "itemId" TEXT NOT NULL PRIMARY KEY REFERENCES "Item" ("id") ON DELETE CASCADE,
    "councilId" TEXT NOT NULL,
    "document" TSVECTOR NOT NULL
);

CREATE INDEX "ItemSearch_councilId_document_idx" ON "ItemSearch" USING GIN ("councilId", "document");

-- The text-search configuration of a council's language.
CREATE FUNCTION noterat_search_config(locale TEXT) RETURNS REGCONFIG
LANGUAGE SQL IMMUTABLE AS $$
    SELECT CASE locale WHEN 'en' THEN 'english'::regconfig ELSE 'swedish'::regconfig END
$$;

CREATE FUNCTION noterat_item_document(config REGCONFIG, heading TEXT, body TEXT) RETURNS TSVECTOR
LANGUAGE SQL IMMUTABLE AS $$
    SELECT setweight(to_tsvector(config, heading), 'A') || setweight(to_tsvector(config, body), 'B')
$$;

CREATE FUNCTION noterat_item_search() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ItemSearch" ("itemId", "councilId", "document")
    SELECT NEW."id", NEW."councilId",
        noterat_item_document(noterat_search_config(c."locale"), NEW."heading", NEW."text")
    FROM "Council" c WHERE c."id" = NEW."councilId"
    ON CONFLICT ("itemId") DO UPDATE SET "document" = excluded."document";
    RETURN NEW;
END
$$;

CREATE TRIGGER "Item_search_insert" AFTER INSERT ON "Item"
    FOR EACH ROW EXECUTE FUNCTION noterat_item_search();

CREATE TRIGGER "Item_search_update" AFTER UPDATE OF "heading", "text" ON "Item"
    FOR EACH ROW EXECUTE FUNCTION noterat_item_search();

-- A council that changes its language is searched in its new one.
CREATE FUNCTION noterat_council_search() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ItemSearch" s
    SET "document" = noterat_item_document(noterat_search_config(NEW."locale"), i."heading", i."text")
    FROM "Item" i
    WHERE i."id" = s."itemId" AND s."councilId" = NEW."id";
    RETURN NEW;
END
$$;

CREATE TRIGGER "Council_search_locale" AFTER UPDATE OF "locale" ON "Council"
    FOR EACH ROW EXECUTE FUNCTION noterat_council_search();
