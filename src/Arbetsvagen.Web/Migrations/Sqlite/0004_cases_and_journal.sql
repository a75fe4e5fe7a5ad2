-- 0004: cases (ärenden) with their state history, and the case journal.

CREATE TABLE "Cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY,
    "ParticipantId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "BoundaryId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "OpenedOn" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "EnrolledOn" TEXT NULL,
    "CheckInSchedule" TEXT NULL,
    "AfRegistrationConsentId" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "Outcome" TEXT NULL,
    "EmploymentForm" TEXT NULL,
    "StudyForm" TEXT NULL,
    "IncomeBefore" TEXT NULL,
    "IncomeAfter" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_Cases_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Cases_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CaseStateChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseStateChanges" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "From" TEXT NULL,
    "To" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_CaseStateChanges_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JournalEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JournalEntries" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AuthorUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SignedAt" TEXT NULL,
    "CorrectsEntryId" TEXT NULL,
    "UpdatedAt" TEXT NULL,
    CONSTRAINT "FK_JournalEntries_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JournalEntries_JournalEntries_CorrectsEntryId" FOREIGN KEY ("CorrectsEntryId") REFERENCES "JournalEntries" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Cases_BoundaryId_State" ON "Cases" ("BoundaryId", "State");

CREATE INDEX "IX_Cases_OrganisationId" ON "Cases" ("OrganisationId");

CREATE INDEX "IX_Cases_ParticipantId" ON "Cases" ("ParticipantId");

CREATE INDEX "IX_CaseStateChanges_CaseId" ON "CaseStateChanges" ("CaseId");

CREATE INDEX "IX_JournalEntries_CaseId_CreatedAt" ON "JournalEntries" ("CaseId", "CreatedAt");

CREATE INDEX "IX_JournalEntries_CorrectsEntryId" ON "JournalEntries" ("CorrectsEntryId");
