-- 0006: the action plan (handlingsplan) with revisions, scheduled activities and attendance (närvaro).

CREATE TABLE "Activities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Activities" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "BoundaryId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Place" TEXT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Days" INTEGER NOT NULL,
    "HoursPerDay" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_Activities_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ActionPlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ActionPlans" PRIMARY KEY,
    "ParticipantId" TEXT NOT NULL,
    "Goal" TEXT NOT NULL,
    "Direction" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "ReviewOn" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedByUserId" TEXT NOT NULL,
    "UpdatedByOrganisationId" TEXT NOT NULL,
    CONSTRAINT "FK_ActionPlans_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlanActivities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanActivities" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "ActivityId" TEXT NULL,
    "Provider" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "HoursPerWeek" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Result" TEXT NULL,
    CONSTRAINT "FK_PlanActivities_ActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ActionPlans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlanActivities_Activities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "Activities" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ActionPlanRevisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ActionPlanRevisions" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "ByUserId" TEXT NOT NULL,
    "ByOrganisationId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "Changes" TEXT NOT NULL,
    "SnapshotJson" TEXT NOT NULL,
    CONSTRAINT "FK_ActionPlanRevisions_ActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ActionPlans" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AttendanceRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AttendanceRecords" PRIMARY KEY,
    "ActivityId" TEXT NOT NULL,
    "ParticipantId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AbsenceReason" TEXT NULL,
    "Hours" TEXT NOT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "RegisteredByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_AttendanceRecords_Activities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "Activities" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AttendanceRecords_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_ActionPlanRevisions_PlanId_Number" ON "ActionPlanRevisions" ("PlanId", "Number");

CREATE UNIQUE INDEX "IX_ActionPlans_ParticipantId" ON "ActionPlans" ("ParticipantId");

CREATE INDEX "IX_ActionPlans_ReviewOn" ON "ActionPlans" ("ReviewOn");

CREATE INDEX "IX_Activities_OrganisationId_EndsOn" ON "Activities" ("OrganisationId", "EndsOn");

CREATE UNIQUE INDEX "IX_AttendanceRecords_ActivityId_ParticipantId_Date" ON "AttendanceRecords" ("ActivityId", "ParticipantId", "Date");

CREATE INDEX "IX_AttendanceRecords_ParticipantId_Date" ON "AttendanceRecords" ("ParticipantId", "Date");

CREATE INDEX "IX_PlanActivities_ActivityId" ON "PlanActivities" ("ActivityId");

CREATE INDEX "IX_PlanActivities_PlanId" ON "PlanActivities" ("PlanId");
