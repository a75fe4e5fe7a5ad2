-- 0013: the employer register (arbetsgivarregister): employers, their workplaces, contact persons, contact log,
-- and competence needs (behovsfångst) with their status history.

CREATE TABLE "Employers" (
    "Id" uuid NOT NULL,
    "OrganisationNumber" character varying(10) NOT NULL,
    "IsSoleTrader" boolean NOT NULL,
    "Name" character varying(200) NOT NULL,
    "SniGroup" character varying(3) NOT NULL,
    "Size" character varying(20) NOT NULL,
    "OwnerCollaborationId" uuid NOT NULL,
    "OwnerOrganisationId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Employers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Employers_Collaborations_OwnerCollaborationId" FOREIGN KEY ("OwnerCollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Employers_Organisations_OwnerOrganisationId" FOREIGN KEY ("OwnerOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Employers_OrganisationNumber" ON "Employers" ("OrganisationNumber");
CREATE INDEX "IX_Employers_Name" ON "Employers" ("Name");
CREATE INDEX "IX_Employers_OwnerCollaborationId" ON "Employers" ("OwnerCollaborationId");
CREATE INDEX "IX_Employers_OwnerOrganisationId" ON "Employers" ("OwnerOrganisationId");

CREATE TABLE "Workplaces" (
    "Id" uuid NOT NULL,
    "EmployerId" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "StreetAddress" character varying(200) NOT NULL,
    "PostalCode" character varying(6) NOT NULL,
    "City" character varying(100) NOT NULL,
    "MunicipalityCode" character varying(4) NOT NULL,
    "TransportNote" character varying(1000),
    CONSTRAINT "PK_Workplaces" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Workplaces_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Workplaces_EmployerId" ON "Workplaces" ("EmployerId");
CREATE INDEX "IX_Workplaces_MunicipalityCode" ON "Workplaces" ("MunicipalityCode");

CREATE TABLE "EmployerContacts" (
    "Id" uuid NOT NULL,
    "EmployerId" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Role" character varying(100),
    "Phone" character varying(40),
    "Email" character varying(254),
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EmployerContacts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EmployerContacts_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EmployerContacts_EmployerId" ON "EmployerContacts" ("EmployerId");

CREATE TABLE "EmployerContactLog" (
    "Id" uuid NOT NULL,
    "EmployerId" uuid NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "OccurredOn" date NOT NULL,
    "ContactPersonId" uuid,
    "Notes" character varying(4000) NOT NULL,
    "FollowUpOn" date,
    "FollowUpDoneAt" timestamp with time zone,
    "FollowUpDoneByUserId" uuid,
    "ByUserId" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EmployerContactLog" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EmployerContactLog_EmployerContacts_ContactPersonId" FOREIGN KEY ("ContactPersonId") REFERENCES "EmployerContacts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EmployerContactLog_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EmployerContactLog_ContactPersonId" ON "EmployerContactLog" ("ContactPersonId");
CREATE INDEX "IX_EmployerContactLog_EmployerId" ON "EmployerContactLog" ("EmployerId");
CREATE INDEX "IX_EmployerContactLog_FollowUpOn" ON "EmployerContactLog" ("FollowUpOn");

CREATE TABLE "CompetenceNeeds" (
    "Id" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "EmployerId" uuid,
    "Kind" character varying(30) NOT NULL,
    "Source" character varying(30) NOT NULL,
    "OccupationConceptId" character varying(40),
    "Ssyk4" character varying(4),
    "OccupationText" character varying(200),
    "NumberOfPeople" integer NOT NULL,
    "FromDate" date,
    "Requirements" character varying(4000),
    "EmploymentForm" character varying(40) NOT NULL,
    "MunicipalityCode" character varying(4),
    "Status" character varying(30) NOT NULL,
    "DeclineReason" character varying(2000),
    "AnsweredByJobTrackId" uuid,
    "AnsweredByPlacementId" uuid,
    "SenderOrganisationNumber" character varying(10),
    "SenderName" character varying(200),
    "SenderContactName" character varying(200),
    "SenderPhone" character varying(40),
    "SenderEmail" character varying(254),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CompetenceNeeds" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CompetenceNeeds_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CompetenceNeeds_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CompetenceNeeds_CollaborationId_Status" ON "CompetenceNeeds" ("CollaborationId", "Status");
CREATE INDEX "IX_CompetenceNeeds_EmployerId" ON "CompetenceNeeds" ("EmployerId");

CREATE TABLE "CompetenceNeedHistory" (
    "Id" uuid NOT NULL,
    "NeedId" uuid NOT NULL,
    "From" character varying(30),
    "To" character varying(30) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ByUserId" uuid,
    "Note" character varying(2000),
    CONSTRAINT "PK_CompetenceNeedHistory" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CompetenceNeedHistory_CompetenceNeeds_NeedId" FOREIGN KEY ("NeedId") REFERENCES "CompetenceNeeds" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CompetenceNeedHistory_NeedId" ON "CompetenceNeedHistory" ("NeedId");
