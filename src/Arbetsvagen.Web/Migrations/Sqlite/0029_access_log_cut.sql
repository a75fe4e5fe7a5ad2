-- 0029: culling the access log by a signed cut (ADR 0027) and four-eyes approval of culling runs.
-- AccessLogCuts holds each cut (first kept sequence, hash of the last removed row, count, run, signature by a key derived
-- from the chain key); it is append-only. A run fixes at preview which beginning of the log it culls (LogKeepFrom,
-- LogRows). The log stays append-only, except that a row may be deleted once a recorded cut covers it: a beginning of the
-- chain, never a row in the middle, and never without a cut that verification then checks.
ALTER TABLE "RetentionRuns" ADD COLUMN "LogKeepFrom" INTEGER NULL;
ALTER TABLE "RetentionRuns" ADD COLUMN "LogRows" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "AccessLogCuts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AccessLogCuts" PRIMARY KEY AUTOINCREMENT,
    "RunId" TEXT NOT NULL,
    "FirstKeptSequence" INTEGER NOT NULL,
    "LastDeletedHash" TEXT NOT NULL,
    "Deleted" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "KeyId" TEXT NOT NULL,
    "Signature" TEXT NOT NULL
);

CREATE INDEX "IX_AccessLogCuts_RunId" ON "AccessLogCuts" ("RunId");

CREATE TRIGGER "AccessLogCuts_no_update" BEFORE UPDATE ON "AccessLogCuts"
BEGIN
    SELECT RAISE(ABORT, 'AccessLogCuts is append-only');
END;

CREATE TRIGGER "AccessLogCuts_no_delete" BEFORE DELETE ON "AccessLogCuts"
BEGIN
    SELECT RAISE(ABORT, 'AccessLogCuts is append-only');
END;

DROP TRIGGER "AccessLog_no_delete";

CREATE TRIGGER "AccessLog_no_delete" BEFORE DELETE ON "AccessLog"
WHEN NOT EXISTS (SELECT 1 FROM "AccessLogCuts" c WHERE OLD."Sequence" IS NULL OR OLD."Sequence" < c."FirstKeptSequence")
BEGIN
    SELECT RAISE(ABORT, 'AccessLog is append-only');
END;

UPDATE "RetentionRules" SET "Note" = 'Loggens början gallras med ett signerat gallringsbeslut som loggkontrollen godtar (ADR 0027).'
WHERE "Kind" = 'AccessLog' AND "UpdatedByName" = 'system';
