-- 0004: cases (ärenden) with their state history, and the case journal.

CREATE TABLE "Cases" (
    "Id" uuid NOT NULL,
    "ParticipantId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "BoundaryId" uuid NOT NULL,
    "State" character varying(20) NOT NULL,
    "Source" character varying(30) NOT NULL,
    "OpenedOn" date NOT NULL,
    "Reason" character varying(2000) NOT NULL,
    "EnrolledOn" date,
    "CheckInSchedule" character varying(500),
    "AfRegistrationConsentId" uuid,
    "ClosedOn" date,
    "Outcome" character varying(30),
    "EmploymentForm" character varying(30),
    "StudyForm" character varying(30),
    "IncomeBefore" character varying(40),
    "IncomeAfter" character varying(40),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_Cases" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Cases_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Cases_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CaseStateChanges" (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "From" character varying(20),
    "To" character varying(20) NOT NULL,
    "ByUserId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Note" character varying(500),
    CONSTRAINT "PK_CaseStateChanges" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CaseStateChanges_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JournalEntries" (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Type" character varying(20) NOT NULL,
    "Text" character varying(8000) NOT NULL,
    "AuthorUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "SignedAt" timestamp with time zone,
    "CorrectsEntryId" uuid,
    "UpdatedAt" timestamp with time zone,
    CONSTRAINT "PK_JournalEntries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JournalEntries_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JournalEntries_JournalEntries_CorrectsEntryId" FOREIGN KEY ("CorrectsEntryId") REFERENCES "JournalEntries" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Cases_BoundaryId_State" ON "Cases" ("BoundaryId", "State");

CREATE INDEX "IX_Cases_OrganisationId" ON "Cases" ("OrganisationId");

CREATE INDEX "IX_Cases_ParticipantId" ON "Cases" ("ParticipantId");

CREATE INDEX "IX_CaseStateChanges_CaseId" ON "CaseStateChanges" ("CaseId");

CREATE INDEX "IX_JournalEntries_CaseId_CreatedAt" ON "JournalEntries" ("CaseId", "CreatedAt");

CREATE INDEX "IX_JournalEntries_CorrectsEntryId" ON "JournalEntries" ("CorrectsEntryId");
