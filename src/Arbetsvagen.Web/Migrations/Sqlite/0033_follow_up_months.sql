-- 0033: the follow-up's monthly case counts (Features/Statistics, ADR 0032). For each collaboration and month: the cases
-- opened, closed (by outcome and income) and open at the month's end, and for a month that ends a period the cases open
-- then by current plan and those opened 24 months or more before — by gender and birth year, counted once and reused
-- while nothing they are counted from has changed (RegisterChanges). Anonymised aggregates, no personal data. Cases get
-- indexes on their opening and closing dates, so that counting one month does not read every case. A change to an action
-- plan is recorded apart (PlansOnly): it makes stale only the counts at a month's end.

CREATE TABLE "FollowUpMonths" (
    "CollaborationId" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "Part" TEXT NOT NULL,
    "CountedAt" TEXT NOT NULL,
    CONSTRAINT "PK_FollowUpMonths" PRIMARY KEY ("CollaborationId", "Month", "Part")
);

CREATE TABLE "FollowUpFigures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FollowUpFigures" PRIMARY KEY AUTOINCREMENT,
    "CollaborationId" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "Measure" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "BirthYear" INTEGER NULL,
    "Outcome" TEXT NULL,
    "IncomeBefore" TEXT NULL,
    "IncomeAfter" TEXT NULL,
    "Count" INTEGER NOT NULL
);

CREATE INDEX "IX_FollowUpFigures_CollaborationId_Month" ON "FollowUpFigures" ("CollaborationId", "Month");
CREATE INDEX "IX_Cases_OpenedOn" ON "Cases" ("OpenedOn");
CREATE INDEX "IX_Cases_ClosedOn" ON "Cases" ("ClosedOn");
ALTER TABLE "RegisterChanges" ADD COLUMN "PlansOnly" INTEGER NOT NULL DEFAULT 0;
