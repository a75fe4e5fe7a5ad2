-- 0007: kartläggning (versioned mappings), gemensamt ställningstagande and arbetsförmågebedömning.
-- Health text and assessment results live in their own tables (MappingHealth, WorkAbilityResults).

CREATE TABLE "Mappings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Mappings" PRIMARY KEY,
    "ParticipantId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "BoundaryId" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "EducationLevel" TEXT NOT NULL,
    "EducationText" TEXT NULL,
    "WorkExperienceText" TEXT NULL,
    "SwedishLevel" TEXT NOT NULL,
    "OtherLanguages" TEXT NULL,
    "SocialSituation" TEXT NULL,
    "InterestsAndGoals" TEXT NULL,
    "Obstacles" INTEGER NOT NULL,
    "ObstaclesText" TEXT NULL,
    CONSTRAINT "FK_Mappings_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Mappings_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MappingOccupations" (
    "MappingId" TEXT NOT NULL,
    "ConceptId" TEXT NOT NULL,
    CONSTRAINT "PK_MappingOccupations" PRIMARY KEY ("MappingId", "ConceptId"),
    CONSTRAINT "FK_MappingOccupations_Mappings_MappingId" FOREIGN KEY ("MappingId") REFERENCES "Mappings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MappingHealth" (
    "MappingId" TEXT NOT NULL CONSTRAINT "PK_MappingHealth" PRIMARY KEY,
    "HealthAndLimitations" TEXT NOT NULL,
    CONSTRAINT "FK_MappingHealth_Mappings_MappingId" FOREIGN KEY ("MappingId") REFERENCES "Mappings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JointPositions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JointPositions" PRIMARY KEY,
    "ParticipantId" TEXT NOT NULL,
    "DecidedOn" TEXT NOT NULL,
    "People" TEXT NULL,
    "Direction" TEXT NOT NULL,
    "Readiness" TEXT NOT NULL,
    "Motivation" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "BoundaryId" TEXT NOT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_JointPositions_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JointPositions_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JointPositionParties" (
    "JointPositionId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    CONSTRAINT "PK_JointPositionParties" PRIMARY KEY ("JointPositionId", "OrganisationId"),
    CONSTRAINT "FK_JointPositionParties_JointPositions_JointPositionId" FOREIGN KEY ("JointPositionId") REFERENCES "JointPositions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_JointPositionParties_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkAbilityAssessments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkAbilityAssessments" PRIMARY KEY,
    "ParticipantId" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Dimensions" INTEGER NOT NULL,
    "AssessedOn" TEXT NOT NULL,
    "AssessorUserId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "BoundaryId" TEXT NOT NULL,
    "ReferralId" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_WorkAbilityAssessments_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkAbilityAssessments_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkAbilityAssessments_Referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES "Referrals" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkAbilityResults" (
    "AssessmentId" TEXT NOT NULL CONSTRAINT "PK_WorkAbilityResults" PRIMARY KEY,
    "Text" TEXT NOT NULL,
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
