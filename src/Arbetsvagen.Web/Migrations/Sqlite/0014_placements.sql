-- 0014: placements (praktikplatser and other workplace-based measures): periods with places, requirement profiles,
-- history and bookings of participants.

CREATE TABLE "Placements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Placements" PRIMARY KEY,
    "EmployerId" TEXT NOT NULL,
    "WorkplaceId" TEXT NOT NULL,
    "MunicipalityCode" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "OccupationId" TEXT NOT NULL,
    "Tasks" TEXT NOT NULL,
    "SupervisorName" TEXT NOT NULL,
    "SupervisorPhone" TEXT NULL,
    "SupervisorEmail" TEXT NULL,
    "AccessibilityNote" TEXT NULL,
    "LanguageSupportNote" TEXT NULL,
    "Status" TEXT NOT NULL,
    "OwnerCollaborationId" TEXT NOT NULL,
    "OwnerOrganisationId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Placements_Collaborations_OwnerCollaborationId" FOREIGN KEY ("OwnerCollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Organisations_OwnerOrganisationId" FOREIGN KEY ("OwnerOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Workplaces_WorkplaceId" FOREIGN KEY ("WorkplaceId") REFERENCES "Workplaces" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlacementEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlacementEvents" PRIMARY KEY,
    "PlacementId" TEXT NOT NULL,
    "What" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_PlacementEvents_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlacementPeriods" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlacementPeriods" PRIMARY KEY,
    "PlacementId" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Places" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PlacementPeriods_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlacementRequirements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlacementRequirements" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "MustHave" INTEGER NOT NULL,
    "PlacementId" TEXT NOT NULL,
    CONSTRAINT "FK_PlacementRequirements_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlacementBookings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlacementBookings" PRIMARY KEY,
    "PlacementId" TEXT NOT NULL,
    "PeriodId" TEXT NOT NULL,
    "ParticipantId" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "HoursPerWeek" TEXT NOT NULL,
    "SupervisorMayKnow" INTEGER NOT NULL,
    "PlanActivityId" TEXT NULL,
    "BookedByUserId" TEXT NOT NULL,
    "BookedByOrganisationId" TEXT NOT NULL,
    "BookedAt" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "EndedOn" TEXT NULL,
    "Result" TEXT NULL,
    "EndedAt" TEXT NULL,
    "EndedByUserId" TEXT NULL,
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
