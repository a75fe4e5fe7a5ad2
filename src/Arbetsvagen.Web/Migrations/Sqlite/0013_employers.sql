-- 0013: the employer register (arbetsgivarregister): employers and their workplaces.

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
