-- 0028: the regional report "Läget i länet" (Features/RegionalReport). One row per ordered report: its collaboration and
-- period, the background generation's status and progress, and the report itself as JSON (ReportDocument), which is
-- frozen once published.

CREATE TABLE "RegionalReports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RegionalReports" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "FromMonth" TEXT NOT NULL,
    "ToMonth" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "ProgressText" TEXT NOT NULL,
    "Error" TEXT NULL,
    "Document" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedByName" TEXT NOT NULL,
    "GeneratedAt" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "PublishedByUserId" TEXT NULL,
    "PublishedByName" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_RegionalReports_CollaborationId_CreatedAt" ON "RegionalReports" ("CollaborationId", "CreatedAt");
