-- 0022: the KAA register (Features/Kaa, issue 13, ADR 0017): young people 16 up to the half-year they turn 20 who are
-- not in upper-secondary school, kept apart from social services. A record is owned by one KAA unit and keyed by
-- (unit, personnummer), which makes the school-situation import idempotent; KAA periods (entry, exit, reason) are derived
-- from the imports. Contacts, measures and the young person's consents to share (KaaShares) hang off the record.
-- The work list reads one index: (boundary, in KAA, reached, next attempt).

CREATE TABLE "KaaImports" (
    "Id" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ByUserId" uuid NOT NULL,
    "StartedAt" timestamp with time zone NOT NULL,
    "FinishedAt" timestamp with time zone,
    "Rows" integer NOT NULL,
    "Processed" integer NOT NULL,
    "Added" integer NOT NULL,
    "Changed" integer NOT NULL,
    "Unchanged" integer NOT NULL,
    "Entered" integer NOT NULL,
    "ReEntered" integer NOT NULL,
    "Exited" integer NOT NULL,
    "BadRows" integer NOT NULL,
    "NotInFile" integer NOT NULL,
    "Report" text NOT NULL,
    CONSTRAINT "PK_KaaImports" PRIMARY KEY ("Id")
);

CREATE TABLE "KaaYouth" (
    "Id" uuid NOT NULL,
    "OwnerOrganisationId" uuid NOT NULL,
    "OwnerBoundaryId" uuid NOT NULL,
    "MunicipalityCode" character varying(4) NOT NULL,
    "IdentityNumber" character varying(12) NOT NULL,
    "FirstName" character varying(100) NOT NULL,
    "LastName" character varying(100) NOT NULL,
    "Gender" text NOT NULL,
    "DateOfBirth" date NOT NULL,
    "AgeOutOn" date NOT NULL,
    "Phone" character varying(40),
    "Email" character varying(100),
    "StreetAddress" character varying(200),
    "PostalCode" character varying(10),
    "City" character varying(100),
    "School" character varying(200),
    "Programme" character varying(200),
    "SchoolStatus" text NOT NULL,
    "SchoolStatusOn" date NOT NULL,
    "Occupation" text NOT NULL,
    "InKaa" boolean NOT NULL,
    "Reached" boolean NOT NULL,
    "Attempts" integer NOT NULL,
    "LastAttemptAt" timestamp with time zone,
    "NextAttemptOn" date,
    "NextChannel" text NOT NULL,
    "Plan" character varying(4000),
    "PlanUpdatedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_KaaYouth" PRIMARY KEY ("Id")
);

CREATE TABLE "KaaContacts" (
    "Id" uuid NOT NULL,
    "YouthId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Channel" text NOT NULL,
    "Result" text NOT NULL,
    "Note" character varying(1000),
    "ByUserId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    CONSTRAINT "PK_KaaContacts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_KaaContacts_KaaYouth_YouthId" FOREIGN KEY ("YouthId") REFERENCES "KaaYouth" ("Id") ON DELETE CASCADE
);

CREATE TABLE "KaaMeasures" (
    "Id" uuid NOT NULL,
    "YouthId" uuid NOT NULL,
    "Kind" text NOT NULL,
    "StartOn" date NOT NULL,
    "EndOn" date,
    "Note" character varying(1000),
    "ByUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_KaaMeasures" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_KaaMeasures_KaaYouth_YouthId" FOREIGN KEY ("YouthId") REFERENCES "KaaYouth" ("Id") ON DELETE CASCADE
);

CREATE TABLE "KaaPeriods" (
    "Id" uuid NOT NULL,
    "YouthId" uuid NOT NULL,
    "EnteredOn" date NOT NULL,
    "EntryReason" text NOT NULL,
    "ExitedOn" date,
    "ExitReason" text,
    CONSTRAINT "PK_KaaPeriods" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_KaaPeriods_KaaYouth_YouthId" FOREIGN KEY ("YouthId") REFERENCES "KaaYouth" ("Id") ON DELETE CASCADE
);

CREATE TABLE "KaaShares" (
    "Id" uuid NOT NULL,
    "YouthId" uuid NOT NULL,
    "RecipientOrganisationId" uuid NOT NULL,
    "Kind" text NOT NULL,
    "ConsentGivenOn" date NOT NULL,
    "ValidUntil" date NOT NULL,
    "Purpose" character varying(1000) NOT NULL,
    "ByUserId" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "WithdrawnAt" timestamp with time zone,
    CONSTRAINT "PK_KaaShares" PRIMARY KEY ("Id"),
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
