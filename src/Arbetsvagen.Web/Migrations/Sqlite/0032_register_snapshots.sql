-- 0032: the target-group register's monthly snapshots (Features/Statistics, ADR 0031). FrozenRegisterMonths now holds two
-- kinds: permanent counts kept for culling (every row so far) and snapshots reused while nothing they are counted from
-- has changed. RegisterChanges records changes to ended months (a case opened or closed on a past date, a collaboration's
-- members), which make the snapshots of those months stale. Anonymised aggregates and dates only, no personal data.

ALTER TABLE "FrozenRegisterMonths" ADD COLUMN "Permanent" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "RegisterChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RegisterChanges" PRIMARY KEY AUTOINCREMENT,
    "FromMonth" TEXT NOT NULL,
    "ToMonth" TEXT NULL,
    "ChangedAt" TEXT NOT NULL
);

CREATE INDEX "IX_RegisterChanges_ChangedAt" ON "RegisterChanges" ("ChangedAt");
