-- 0013: the employer register (arbetsgivarregister): employers, their workplaces, contact persons, contact log,
-- and competence needs (behovsfångst) with their status history.

CREATE TABLE "Employers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Employers" PRIMARY KEY,
    "OrganisationNumber" TEXT NOT NULL,
    "IsSoleTrader" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "SniGroup" TEXT NOT NULL,
    "Size" TEXT NOT NULL,
    "OwnerCollaborationId" TEXT NOT NULL,
    "OwnerOrganisationId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Employers_Collaborations_OwnerCollaborationId" FOREIGN KEY ("OwnerCollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Employers_Organisations_OwnerOrganisationId" FOREIGN KEY ("OwnerOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_Employers_OrganisationNumber" ON "Employers" ("OrganisationNumber");
CREATE INDEX "IX_Employers_Name" ON "Employers" ("Name");
CREATE INDEX "IX_Employers_OwnerCollaborationId" ON "Employers" ("OwnerCollaborationId");
CREATE INDEX "IX_Employers_OwnerOrganisationId" ON "Employers" ("OwnerOrganisationId");

CREATE TABLE "Workplaces" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Workplaces" PRIMARY KEY,
    "EmployerId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "StreetAddress" TEXT NOT NULL,
    "PostalCode" TEXT NOT NULL,
    "City" TEXT NOT NULL,
    "MunicipalityCode" TEXT NOT NULL,
    "TransportNote" TEXT NULL,
    CONSTRAINT "FK_Workplaces_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Workplaces_EmployerId" ON "Workplaces" ("EmployerId");
CREATE INDEX "IX_Workplaces_MunicipalityCode" ON "Workplaces" ("MunicipalityCode");

CREATE TABLE "EmployerContacts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EmployerContacts" PRIMARY KEY,
    "EmployerId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Role" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_EmployerContacts_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EmployerContacts_EmployerId" ON "EmployerContacts" ("EmployerId");

CREATE TABLE "EmployerContactLog" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EmployerContactLog" PRIMARY KEY,
    "EmployerId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "ContactPersonId" TEXT NULL,
    "Notes" TEXT NOT NULL,
    "FollowUpOn" TEXT NULL,
    "FollowUpDoneAt" TEXT NULL,
    "FollowUpDoneByUserId" TEXT NULL,
    "ByUserId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_EmployerContactLog_EmployerContacts_ContactPersonId" FOREIGN KEY ("ContactPersonId") REFERENCES "EmployerContacts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_EmployerContactLog_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EmployerContactLog_ContactPersonId" ON "EmployerContactLog" ("ContactPersonId");
CREATE INDEX "IX_EmployerContactLog_EmployerId" ON "EmployerContactLog" ("EmployerId");
CREATE INDEX "IX_EmployerContactLog_FollowUpOn" ON "EmployerContactLog" ("FollowUpOn");

CREATE TABLE "CompetenceNeeds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CompetenceNeeds" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "EmployerId" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "OccupationConceptId" TEXT NULL,
    "Ssyk4" TEXT NULL,
    "OccupationText" TEXT NULL,
    "NumberOfPeople" INTEGER NOT NULL,
    "FromDate" TEXT NULL,
    "Requirements" TEXT NULL,
    "EmploymentForm" TEXT NOT NULL,
    "MunicipalityCode" TEXT NULL,
    "Status" TEXT NOT NULL,
    "DeclineReason" TEXT NULL,
    "AnsweredByJobTrackId" TEXT NULL,
    "AnsweredByPlacementId" TEXT NULL,
    "SenderOrganisationNumber" TEXT NULL,
    "SenderName" TEXT NULL,
    "SenderContactName" TEXT NULL,
    "SenderPhone" TEXT NULL,
    "SenderEmail" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_CompetenceNeeds_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CompetenceNeeds_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_CompetenceNeeds_CollaborationId_Status" ON "CompetenceNeeds" ("CollaborationId", "Status");
CREATE INDEX "IX_CompetenceNeeds_EmployerId" ON "CompetenceNeeds" ("EmployerId");

CREATE TABLE "CompetenceNeedHistory" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CompetenceNeedHistory" PRIMARY KEY,
    "NeedId" TEXT NOT NULL,
    "From" TEXT NULL,
    "To" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "ByUserId" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_CompetenceNeedHistory_CompetenceNeeds_NeedId" FOREIGN KEY ("NeedId") REFERENCES "CompetenceNeeds" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CompetenceNeedHistory_NeedId" ON "CompetenceNeedHistory" ("NeedId");
