-- 0028: the regional report "Läget i länet" (Features/RegionalReport). One row per ordered report: its collaboration and
-- period, the background generation's status and progress, and the report itself as JSON (ReportDocument), which is
-- frozen once published.

CREATE TABLE "RegionalReports" (
    "Id" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "FromMonth" date NOT NULL,
    "ToMonth" date NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Progress" integer NOT NULL,
    "ProgressText" character varying(200) NOT NULL,
    "Error" character varying(1000),
    "Document" text,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "CreatedByName" character varying(200) NOT NULL,
    "GeneratedAt" timestamp with time zone,
    "PublishedAt" timestamp with time zone,
    "PublishedByUserId" uuid,
    "PublishedByName" character varying(200),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_RegionalReports" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_RegionalReports_CollaborationId_CreatedAt" ON "RegionalReports" ("CollaborationId", "CreatedAt");
