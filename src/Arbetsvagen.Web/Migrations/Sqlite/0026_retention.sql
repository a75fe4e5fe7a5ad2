-- 0026: culling (Features/Retention, ADR 0023). RetentionRules holds one rule per record kind (period, trigger, research
-- sample) as data an administrator edits; LegalHolds stops culling of a participant or case; RetentionRuns with its
-- RetentionRunItems (the records the preview listed, ids only) and RetentionRunCounts (per kind and organisation) keep a
-- run's state and per-batch progress, so a stopped run resumes without loss or double counting.
-- FrozenRegisterMonths/FrozenRegisterFigures (Features/Statistics) keep the target-group register's counts of a month
-- before culling removes the cases it is counted from: anonymised aggregates, no personal data.

CREATE TABLE "FrozenRegisterFigures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FrozenRegisterFigures" PRIMARY KEY AUTOINCREMENT,
    "CollaborationId" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "MunicipalityCode" TEXT NOT NULL,
    "AfStatus" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "ShortEducated" INTEGER NOT NULL,
    "EducationDuty" INTEGER NOT NULL,
    "Disability" INTEGER NOT NULL,
    "SocialAssistance" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL
);

CREATE TABLE "FrozenRegisterMonths" (
    "CollaborationId" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "FrozenAt" TEXT NOT NULL,
    CONSTRAINT "PK_FrozenRegisterMonths" PRIMARY KEY ("CollaborationId", "Month")
);

CREATE TABLE "RetentionRules" (
    "Kind" TEXT NOT NULL CONSTRAINT "PK_RetentionRules" PRIMARY KEY,
    "Years" INTEGER NOT NULL,
    "Trigger" TEXT NOT NULL,
    "ResearchSampleDays" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedByName" TEXT NOT NULL
);

CREATE TABLE "RetentionRuns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RetentionRuns" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "AsOf" TEXT NOT NULL,
    "Rules" TEXT NOT NULL,
    "PreviewedByUserId" TEXT NOT NULL,
    "PreviewedByName" TEXT NOT NULL,
    "PreviewedAt" TEXT NOT NULL,
    "ApprovedByUserId" TEXT NULL,
    "ApprovedByName" TEXT NULL,
    "ApprovedAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "Total" INTEGER NOT NULL,
    "Processed" INTEGER NOT NULL,
    "Batches" INTEGER NOT NULL
);

CREATE TABLE "RetentionRunCounts" (
    "RunId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "Listed" INTEGER NOT NULL,
    "Culled" INTEGER NOT NULL,
    "HeldLater" INTEGER NOT NULL,
    "KeptByHold" INTEGER NOT NULL,
    "KeptBySample" INTEGER NOT NULL,
    CONSTRAINT "PK_RetentionRunCounts" PRIMARY KEY ("RunId", "Kind", "OrganisationId"),
    CONSTRAINT "FK_RetentionRunCounts_RetentionRuns_RunId" FOREIGN KEY ("RunId") REFERENCES "RetentionRuns" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RetentionRunItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RetentionRunItems" PRIMARY KEY AUTOINCREMENT,
    "RunId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "RecordId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    CONSTRAINT "FK_RetentionRunItems_RetentionRuns_RunId" FOREIGN KEY ("RunId") REFERENCES "RetentionRuns" ("Id") ON DELETE CASCADE
);

CREATE TABLE "LegalHolds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LegalHolds" PRIMARY KEY,
    "ParticipantId" TEXT NOT NULL,
    "CaseId" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "PlacedByUserId" TEXT NOT NULL,
    "PlacedAt" TEXT NOT NULL,
    "LiftedByUserId" TEXT NULL,
    "LiftedAt" TEXT NULL,
    CONSTRAINT "FK_LegalHolds_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_FrozenRegisterFigures_CollaborationId_Month" ON "FrozenRegisterFigures" ("CollaborationId", "Month");

CREATE INDEX "IX_LegalHolds_ParticipantId_LiftedAt" ON "LegalHolds" ("ParticipantId", "LiftedAt");

CREATE INDEX "IX_RetentionRunItems_RunId_State_Id" ON "RetentionRunItems" ("RunId", "State", "Id");

CREATE INDEX "IX_RetentionRuns_State_PreviewedAt" ON "RetentionRuns" ("State", "PreviewedAt");

INSERT INTO "RetentionRules" ("Kind", "Years", "Trigger", "ResearchSampleDays", "Note", "UpdatedAt", "UpdatedByName") VALUES
    ('SocialServicesCase', 5, 'AfterLastEntry', '5, 15, 25', 'SoL 12 kap. 1–2 §§: fem år efter sista anteckningen; personer födda den 5, 15 och 25 bevaras för forskning.', '2026-12-07 00:00:00', 'system'),
    ('JobCentreCase', 5, 'AfterCaseClosed', '', 'Enligt kommunens dokumenthanteringsplan.', '2026-12-07 00:00:00', 'system'),
    ('KaaRecord', 2, 'AfterTurned20', '', 'Enligt kommunens dokumenthanteringsplan; aktivitetsansvaret gäller till 20 år.', '2026-12-07 00:00:00', 'system'),
    ('AccessLog', 5, 'AfterLastEntry', '', 'Loggen är en nyckelad kedja och gallras inte av programmet (ADR 0023).', '2026-12-07 00:00:00', 'system'),
    ('ImportedFile', 1, 'AfterLastEntry', '', 'Importrapporter med namn; siffrorna finns kvar i registret.', '2026-12-07 00:00:00', 'system');
