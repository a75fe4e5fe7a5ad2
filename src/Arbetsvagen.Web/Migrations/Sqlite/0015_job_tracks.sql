-- 0015: job tracks (jobbspår): the track with its employers, requirement profile, competence team, documents and stage
-- history; its candidates with their stage history; and the interkommunal ersättning the candidates give.

CREATE TABLE "JobTracks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobTracks" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "OccupationConceptId" TEXT NOT NULL,
    "Ssyk4" TEXT NOT NULL,
    "ProviderOrganisationId" TEXT NOT NULL,
    "TrainingComponents" TEXT NOT NULL,
    "TrainingStartsOn" TEXT NOT NULL,
    "TrainingWeeks" INTEGER NOT NULL,
    "Regi" TEXT NOT NULL,
    "EmploymentForm" TEXT NOT NULL,
    "WorkplaceMunicipalityCode" TEXT NOT NULL,
    "Places" INTEGER NOT NULL,
    "ExpectedHires" INTEGER NOT NULL,
    "PublicDescription" TEXT NULL,
    "Price" TEXT NOT NULL,
    "PriceUnit" TEXT NOT NULL,
    "DecisionOn" TEXT NULL,
    "DecisionReference" TEXT NULL,
    "Stage" TEXT NOT NULL,
    "OwnerOrganisationId" TEXT NOT NULL,
    "OwnerCollaborationId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_JobTracks_Collaborations_OwnerCollaborationId" FOREIGN KEY ("OwnerCollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JobTracks_Organisations_OwnerOrganisationId" FOREIGN KEY ("OwnerOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JobTracks_Organisations_ProviderOrganisationId" FOREIGN KEY ("ProviderOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JobTrackDocuments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobTrackDocuments" PRIMARY KEY,
    "JobTrackId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Reference" TEXT NOT NULL,
    CONSTRAINT "FK_JobTrackDocuments_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobTrackEmployers" (
    "JobTrackId" TEXT NOT NULL,
    "EmployerId" TEXT NOT NULL,
    CONSTRAINT "PK_JobTrackEmployers" PRIMARY KEY ("JobTrackId", "EmployerId"),
    CONSTRAINT "FK_JobTrackEmployers_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JobTrackEmployers_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobTrackRequirements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobTrackRequirements" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "MustHave" INTEGER NOT NULL,
    "JobTrackId" TEXT NOT NULL,
    CONSTRAINT "FK_JobTrackRequirements_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobTrackStageChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobTrackStageChanges" PRIMARY KEY,
    "JobTrackId" TEXT NOT NULL,
    "From" TEXT NULL,
    "To" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_JobTrackStageChanges_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobTrackTeamMembers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobTrackTeamMembers" PRIMARY KEY,
    "JobTrackId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Organisation" TEXT NOT NULL,
    CONSTRAINT "FK_JobTrackTeamMembers_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobTrackCandidates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobTrackCandidates" PRIMARY KEY,
    "JobTrackId" TEXT NOT NULL,
    "ParticipantId" TEXT NOT NULL,
    "ProposedByUserId" TEXT NOT NULL,
    "ProposedByOrganisationId" TEXT NOT NULL,
    "ProposedAt" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "AfRegistered" INTEGER NULL,
    "EntitledToEmploymentSupport" INTEGER NULL,
    "StartedOn" TEXT NULL,
    "HiredAs" TEXT NULL,
    "HiredOn" TEXT NULL,
    CONSTRAINT "FK_JobTrackCandidates_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JobTrackCandidates_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InterMunicipalCompensations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InterMunicipalCompensations" PRIMARY KEY,
    "JobTrackId" TEXT NOT NULL,
    "CandidateId" TEXT NOT NULL,
    "PayerMunicipalityCode" TEXT NOT NULL,
    "ReceiverMunicipalityCode" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "Weeks" INTEGER NOT NULL,
    "Amount" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_InterMunicipalCompensations_JobTrackCandidates_CandidateId" FOREIGN KEY ("CandidateId") REFERENCES "JobTrackCandidates" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_InterMunicipalCompensations_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JobTrackCandidateStageChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobTrackCandidateStageChanges" PRIMARY KEY,
    "CandidateId" TEXT NOT NULL,
    "From" TEXT NULL,
    "To" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_JobTrackCandidateStageChanges_JobTrackCandidates_CandidateId" FOREIGN KEY ("CandidateId") REFERENCES "JobTrackCandidates" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_InterMunicipalCompensations_CandidateId" ON "InterMunicipalCompensations" ("CandidateId");

CREATE INDEX "IX_InterMunicipalCompensations_JobTrackId" ON "InterMunicipalCompensations" ("JobTrackId");

CREATE INDEX "IX_InterMunicipalCompensations_StartsOn" ON "InterMunicipalCompensations" ("StartsOn");

CREATE UNIQUE INDEX "IX_JobTrackCandidates_JobTrackId_ParticipantId" ON "JobTrackCandidates" ("JobTrackId", "ParticipantId");

CREATE INDEX "IX_JobTrackCandidates_ParticipantId" ON "JobTrackCandidates" ("ParticipantId");

CREATE INDEX "IX_JobTrackCandidateStageChanges_CandidateId" ON "JobTrackCandidateStageChanges" ("CandidateId");

CREATE INDEX "IX_JobTrackDocuments_JobTrackId" ON "JobTrackDocuments" ("JobTrackId");

CREATE INDEX "IX_JobTrackEmployers_EmployerId" ON "JobTrackEmployers" ("EmployerId");

CREATE INDEX "IX_JobTrackRequirements_JobTrackId" ON "JobTrackRequirements" ("JobTrackId");

CREATE INDEX "IX_JobTracks_OwnerCollaborationId_Stage" ON "JobTracks" ("OwnerCollaborationId", "Stage");

CREATE INDEX "IX_JobTracks_OwnerOrganisationId" ON "JobTracks" ("OwnerOrganisationId");

CREATE INDEX "IX_JobTracks_ProviderOrganisationId" ON "JobTracks" ("ProviderOrganisationId");

CREATE INDEX "IX_JobTrackStageChanges_JobTrackId" ON "JobTrackStageChanges" ("JobTrackId");

CREATE INDEX "IX_JobTrackTeamMembers_JobTrackId" ON "JobTrackTeamMembers" ("JobTrackId");
