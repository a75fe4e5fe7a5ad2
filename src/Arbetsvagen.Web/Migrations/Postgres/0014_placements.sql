-- 0014: placements (praktikplatser and other workplace-based measures): periods with places, requirement profiles,
-- history and bookings of participants.

CREATE TABLE "Placements" (
    "Id" uuid NOT NULL,
    "EmployerId" uuid NOT NULL,
    "WorkplaceId" uuid NOT NULL,
    "MunicipalityCode" character varying(4) NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "OccupationId" character varying(20) NOT NULL,
    "Tasks" character varying(2000) NOT NULL,
    "SupervisorName" character varying(200) NOT NULL,
    "SupervisorPhone" character varying(40),
    "SupervisorEmail" character varying(200),
    "AccessibilityNote" character varying(1000),
    "LanguageSupportNote" character varying(1000),
    "Status" character varying(20) NOT NULL,
    "OwnerCollaborationId" uuid NOT NULL,
    "OwnerOrganisationId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Placements" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Placements_Collaborations_OwnerCollaborationId" FOREIGN KEY ("OwnerCollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Organisations_OwnerOrganisationId" FOREIGN KEY ("OwnerOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Workplaces_WorkplaceId" FOREIGN KEY ("WorkplaceId") REFERENCES "Workplaces" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlacementEvents" (
    "Id" uuid NOT NULL,
    "PlacementId" uuid NOT NULL,
    "What" character varying(500) NOT NULL,
    "ByUserId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PlacementEvents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlacementEvents_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlacementPeriods" (
    "Id" uuid NOT NULL,
    "PlacementId" uuid NOT NULL,
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "Places" integer NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_PlacementPeriods" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlacementPeriods_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlacementRequirements" (
    "Id" uuid NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "Value" character varying(200) NOT NULL,
    "MustHave" boolean NOT NULL,
    "PlacementId" uuid NOT NULL,
    CONSTRAINT "PK_PlacementRequirements" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlacementRequirements_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlacementBookings" (
    "Id" uuid NOT NULL,
    "PlacementId" uuid NOT NULL,
    "PeriodId" uuid NOT NULL,
    "ParticipantId" uuid NOT NULL,
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "HoursPerWeek" numeric(5,2) NOT NULL,
    "SupervisorMayKnow" boolean NOT NULL,
    "PlanActivityId" uuid,
    "BookedByUserId" uuid NOT NULL,
    "BookedByOrganisationId" uuid NOT NULL,
    "BookedAt" timestamp with time zone NOT NULL,
    "Outcome" character varying(20),
    "EndedOn" date,
    "Result" character varying(2000),
    "EndedAt" timestamp with time zone,
    "EndedByUserId" uuid,
    CONSTRAINT "PK_PlacementBookings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlacementBookings_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlacementBookings_PlacementPeriods_PeriodId" FOREIGN KEY ("PeriodId") REFERENCES "PlacementPeriods" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PlacementBookings_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_PlacementBookings_ParticipantId" ON "PlacementBookings" ("ParticipantId");

CREATE INDEX "IX_PlacementBookings_PeriodId" ON "PlacementBookings" ("PeriodId");

CREATE INDEX "IX_PlacementBookings_PlacementId" ON "PlacementBookings" ("PlacementId");

CREATE INDEX "IX_PlacementBookings_PlanActivityId" ON "PlacementBookings" ("PlanActivityId");

CREATE INDEX "IX_PlacementEvents_PlacementId" ON "PlacementEvents" ("PlacementId");

CREATE INDEX "IX_PlacementPeriods_PlacementId" ON "PlacementPeriods" ("PlacementId");

CREATE INDEX "IX_PlacementRequirements_PlacementId" ON "PlacementRequirements" ("PlacementId");

CREATE INDEX "IX_Placements_EmployerId" ON "Placements" ("EmployerId");

CREATE INDEX "IX_Placements_Kind_Status" ON "Placements" ("Kind", "Status");

CREATE INDEX "IX_Placements_MunicipalityCode_Status" ON "Placements" ("MunicipalityCode", "Status");

CREATE INDEX "IX_Placements_OccupationId" ON "Placements" ("OccupationId");

CREATE INDEX "IX_Placements_OwnerCollaborationId_CreatedAt" ON "Placements" ("OwnerCollaborationId", "CreatedAt");

CREATE INDEX "IX_Placements_OwnerOrganisationId" ON "Placements" ("OwnerOrganisationId");

CREATE INDEX "IX_Placements_WorkplaceId" ON "Placements" ("WorkplaceId");
