-- 0013: the employer register (arbetsgivarregister): employers and their workplaces.

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
