-- 0022: the KAA register (Features/Kaa, issue 13, ADR 0017): young people 16 up to the half-year they turn 20 who are
-- not in upper-secondary school, kept apart from social services. A record is owned by one KAA unit and keyed by
-- (unit, personnummer), which makes the school-situation import idempotent; KAA periods (entry, exit, reason) are derived
-- from the imports. Contacts, measures and the young person's consents to share (KaaShares) hang off the record.
-- The work list reads one index: (boundary, in KAA, reached, next attempt).

CREATE TABLE "KaaImports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_KaaImports" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "FinishedAt" TEXT NULL,
    "Rows" INTEGER NOT NULL,
    "Processed" INTEGER NOT NULL,
    "Added" INTEGER NOT NULL,
    "Changed" INTEGER NOT NULL,
    "Unchanged" INTEGER NOT NULL,
    "Entered" INTEGER NOT NULL,
    "ReEntered" INTEGER NOT NULL,
    "Exited" INTEGER NOT NULL,
    "BadRows" INTEGER NOT NULL,
    "NotInFile" INTEGER NOT NULL,
    "Report" TEXT NOT NULL
);

CREATE TABLE "KaaYouth" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_KaaYouth" PRIMARY KEY,
    "OwnerOrganisationId" TEXT NOT NULL,
    "OwnerBoundaryId" TEXT NOT NULL,
    "MunicipalityCode" TEXT NOT NULL,
    "IdentityNumber" TEXT NOT NULL,
    "FirstName" TEXT NOT NULL,
    "LastName" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "DateOfBirth" TEXT NOT NULL,
    "AgeOutOn" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "StreetAddress" TEXT NULL,
    "PostalCode" TEXT NULL,
    "City" TEXT NULL,
    "School" TEXT NULL,
    "Programme" TEXT NULL,
    "SchoolStatus" TEXT NOT NULL,
    "SchoolStatusOn" TEXT NOT NULL,
    "Occupation" TEXT NOT NULL,
    "InKaa" INTEGER NOT NULL,
    "Reached" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastAttemptAt" TEXT NULL,
    "NextAttemptOn" TEXT NULL,
    "NextChannel" TEXT NOT NULL,
    "Plan" TEXT NULL,
    "PlanUpdatedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "KaaContacts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_KaaContacts" PRIMARY KEY,
    "YouthId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Result" TEXT NOT NULL,
    "Note" TEXT NULL,
    "ByUserId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    CONSTRAINT "FK_KaaContacts_KaaYouth_YouthId" FOREIGN KEY ("YouthId") REFERENCES "KaaYouth" ("Id") ON DELETE CASCADE
);

CREATE TABLE "KaaMeasures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_KaaMeasures" PRIMARY KEY,
    "YouthId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "StartOn" TEXT NOT NULL,
    "EndOn" TEXT NULL,
    "Note" TEXT NULL,
    "ByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_KaaMeasures_KaaYouth_YouthId" FOREIGN KEY ("YouthId") REFERENCES "KaaYouth" ("Id") ON DELETE CASCADE
);

CREATE TABLE "KaaPeriods" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_KaaPeriods" PRIMARY KEY,
    "YouthId" TEXT NOT NULL,
    "EnteredOn" TEXT NOT NULL,
    "EntryReason" TEXT NOT NULL,
    "ExitedOn" TEXT NULL,
    "ExitReason" TEXT NULL,
    CONSTRAINT "FK_KaaPeriods_KaaYouth_YouthId" FOREIGN KEY ("YouthId") REFERENCES "KaaYouth" ("Id") ON DELETE CASCADE
);

CREATE TABLE "KaaShares" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_KaaShares" PRIMARY KEY,
    "YouthId" TEXT NOT NULL,
    "RecipientOrganisationId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ConsentGivenOn" TEXT NOT NULL,
    "ValidUntil" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "WithdrawnAt" TEXT NULL,
    CONSTRAINT "FK_KaaShares_KaaYouth_YouthId" FOREIGN KEY ("YouthId") REFERENCES "KaaYouth" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_KaaContacts_YouthId_At" ON "KaaContacts" ("YouthId", "At");

CREATE INDEX "IX_KaaImports_OrganisationId_StartedAt" ON "KaaImports" ("OrganisationId", "StartedAt");

CREATE INDEX "IX_KaaMeasures_YouthId_StartOn" ON "KaaMeasures" ("YouthId", "StartOn");

CREATE INDEX "IX_KaaPeriods_YouthId_EnteredOn" ON "KaaPeriods" ("YouthId", "EnteredOn");

CREATE INDEX "IX_KaaShares_RecipientOrganisationId_YouthId" ON "KaaShares" ("RecipientOrganisationId", "YouthId");

CREATE INDEX "IX_KaaShares_YouthId" ON "KaaShares" ("YouthId");

CREATE INDEX "IX_KaaYouth_OwnerBoundaryId_InKaa_Reached_NextAttemptOn" ON "KaaYouth" ("OwnerBoundaryId", "InKaa", "Reached", "NextAttemptOn");

CREATE UNIQUE INDEX "IX_KaaYouth_OwnerOrganisationId_IdentityNumber" ON "KaaYouth" ("OwnerOrganisationId", "IdentityNumber");
