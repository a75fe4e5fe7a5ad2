-- 0006: the action plan (handlingsplan) with revisions, scheduled activities and attendance (närvaro).

CREATE TABLE "Activities" (
    "Id" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "BoundaryId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Place" character varying(200),
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "Days" integer NOT NULL,
    "HoursPerDay" numeric(4,2) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_Activities" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Activities_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ActionPlans" (
    "Id" uuid NOT NULL,
    "ParticipantId" uuid NOT NULL,
    "Goal" character varying(2000) NOT NULL,
    "Direction" character varying(30) NOT NULL,
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "ReviewOn" date NOT NULL,
    "Version" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedByUserId" uuid NOT NULL,
    "UpdatedByOrganisationId" uuid NOT NULL,
    CONSTRAINT "PK_ActionPlans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ActionPlans_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlanActivities" (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Description" character varying(500) NOT NULL,
    "ActivityId" uuid,
    "Provider" character varying(200) NOT NULL,
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "HoursPerWeek" numeric(5,2) NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Result" character varying(2000),
    CONSTRAINT "PK_PlanActivities" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlanActivities_ActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ActionPlans" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PlanActivities_Activities_ActivityId" FOREIGN KEY ("ActivityId") REFERENCES "Activities" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ActionPlanRevisions" (
    "Id" uuid NOT NULL,
    "PlanId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "ByUserId" uuid NOT NULL,
    "ByOrganisationId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "Comment" character varying(1000),
    "Changes" character varying(8000) NOT NULL,
    "SnapshotJson" text NOT NULL,
    CONSTRAINT "PK_ActionPlanRevisions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ActionPlanRevisions_ActionPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "ActionPlans" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AttendanceRecords" (
    "Id" uuid NOT NULL,
    "ActivityId" uuid NOT NULL,
    "ParticipantId" uuid NOT NULL,
    "Date" date NOT NULL,
    "Status" character varying(20) NOT NULL,
    "AbsenceReason" character varying(20),
    "Hours" numeric(4,2) NOT NULL,
    "RegisteredAt" timestamp with time zone NOT NULL,
    "RegisteredByUserId" uuid NOT NULL,
    CONSTRAINT "PK_AttendanceRecords" PRIMARY KEY ("Id"),
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
