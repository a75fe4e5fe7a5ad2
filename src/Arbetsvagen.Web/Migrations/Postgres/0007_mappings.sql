-- 0007: kartläggning (versioned mappings), gemensamt ställningstagande and arbetsförmågebedömning.
-- Health text and assessment results live in their own tables (MappingHealth, WorkAbilityResults).

CREATE TABLE "Mappings" (
    "Id" uuid NOT NULL,
    "ParticipantId" uuid NOT NULL,
    "Version" integer NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "BoundaryId" uuid NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "EducationLevel" character varying(40) NOT NULL,
    "EducationText" character varying(4000),
    "WorkExperienceText" character varying(4000),
    "SwedishLevel" character varying(30) NOT NULL,
    "OtherLanguages" character varying(1000),
    "SocialSituation" character varying(4000),
    "InterestsAndGoals" character varying(4000),
    "Obstacles" integer NOT NULL,
    "ObstaclesText" character varying(2000),
    CONSTRAINT "PK_Mappings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Mappings_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Mappings_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MappingOccupations" (
    "MappingId" uuid NOT NULL,
    "ConceptId" character varying(20) NOT NULL,
    CONSTRAINT "PK_MappingOccupations" PRIMARY KEY ("MappingId", "ConceptId"),
    CONSTRAINT "FK_MappingOccupations_Mappings_MappingId" FOREIGN KEY ("MappingId") REFERENCES "Mappings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MappingHealth" (
    "MappingId" uuid NOT NULL,
    "HealthAndLimitations" character varying(4000) NOT NULL,
    CONSTRAINT "PK_MappingHealth" PRIMARY KEY ("MappingId"),
    CONSTRAINT "FK_MappingHealth_Mappings_MappingId" FOREIGN KEY ("MappingId") REFERENCES "Mappings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JointPositions" (
    "Id" uuid NOT NULL,
    "ParticipantId" uuid NOT NULL,
    "DecidedOn" date NOT NULL,
    "People" character varying(1000),
    "Direction" character varying(20) NOT NULL,
    "Readiness" character varying(10) NOT NULL,
    "Motivation" character varying(4000) NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "BoundaryId" uuid NOT NULL,
    "RecordedByUserId" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_JointPositions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JointPositions_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JointPositions_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JointPositionParties" (
    "JointPositionId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    CONSTRAINT "PK_JointPositionParties" PRIMARY KEY ("JointPositionId", "OrganisationId"),
    CONSTRAINT "FK_JointPositionParties_JointPositions_JointPositionId" FOREIGN KEY ("JointPositionId") REFERENCES "JointPositions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_JointPositionParties_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkAbilityAssessments" (
    "Id" uuid NOT NULL,
    "ParticipantId" uuid NOT NULL,
    "Method" character varying(20) NOT NULL,
    "Dimensions" integer NOT NULL,
    "AssessedOn" date NOT NULL,
    "AssessorUserId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "BoundaryId" uuid NOT NULL,
    "ReferralId" uuid,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_WorkAbilityAssessments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_WorkAbilityAssessments_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkAbilityAssessments_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkAbilityAssessments_Referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES "Referrals" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkAbilityResults" (
    "AssessmentId" uuid NOT NULL,
    "Text" character varying(4000) NOT NULL,
    CONSTRAINT "PK_WorkAbilityResults" PRIMARY KEY ("AssessmentId"),
    CONSTRAINT "FK_WorkAbilityResults_WorkAbilityAssessments_AssessmentId" FOREIGN KEY ("AssessmentId") REFERENCES "WorkAbilityAssessments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_JointPositionParties_OrganisationId" ON "JointPositionParties" ("OrganisationId");

CREATE INDEX "IX_JointPositions_OrganisationId" ON "JointPositions" ("OrganisationId");

CREATE INDEX "IX_JointPositions_ParticipantId_DecidedOn" ON "JointPositions" ("ParticipantId", "DecidedOn");

CREATE INDEX "IX_Mappings_OrganisationId" ON "Mappings" ("OrganisationId");

CREATE UNIQUE INDEX "IX_Mappings_ParticipantId_Version" ON "Mappings" ("ParticipantId", "Version");

CREATE INDEX "IX_WorkAbilityAssessments_OrganisationId" ON "WorkAbilityAssessments" ("OrganisationId");

CREATE INDEX "IX_WorkAbilityAssessments_ParticipantId_AssessedOn" ON "WorkAbilityAssessments" ("ParticipantId", "AssessedOn");

CREATE INDEX "IX_WorkAbilityAssessments_ReferralId" ON "WorkAbilityAssessments" ("ReferralId");
