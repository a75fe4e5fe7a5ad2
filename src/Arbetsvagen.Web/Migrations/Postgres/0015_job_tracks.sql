-- 0015: job tracks (jobbspår): the track with its employers, requirement profile, competence team, documents and stage
-- history; its candidates with their stage history; and the interkommunal ersättning the candidates give.

CREATE TABLE "JobTracks" (
    "Id" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "OccupationConceptId" character varying(20) NOT NULL,
    "Ssyk4" character varying(4) NOT NULL,
    "ProviderOrganisationId" uuid NOT NULL,
    "TrainingComponents" character varying(500) NOT NULL,
    "TrainingStartsOn" date NOT NULL,
    "TrainingWeeks" integer NOT NULL,
    "Regi" character varying(20) NOT NULL,
    "EmploymentForm" character varying(30) NOT NULL,
    "WorkplaceMunicipalityCode" character varying(4) NOT NULL,
    "Places" integer NOT NULL,
    "ExpectedHires" integer NOT NULL,
    "PublicDescription" character varying(4000),
    "Price" numeric(10,2) NOT NULL,
    "PriceUnit" character varying(20) NOT NULL,
    "DecisionOn" date,
    "DecisionReference" character varying(100),
    "Stage" character varying(20) NOT NULL,
    "OwnerOrganisationId" uuid NOT NULL,
    "OwnerCollaborationId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_JobTracks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JobTracks_Collaborations_OwnerCollaborationId" FOREIGN KEY ("OwnerCollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JobTracks_Organisations_OwnerOrganisationId" FOREIGN KEY ("OwnerOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JobTracks_Organisations_ProviderOrganisationId" FOREIGN KEY ("ProviderOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JobTrackDocuments" (
    "Id" uuid NOT NULL,
    "JobTrackId" uuid NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "Date" date NOT NULL,
    "Reference" character varying(100) NOT NULL,
    CONSTRAINT "PK_JobTrackDocuments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JobTrackDocuments_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobTrackEmployers" (
    "JobTrackId" uuid NOT NULL,
    "EmployerId" uuid NOT NULL,
    CONSTRAINT "PK_JobTrackEmployers" PRIMARY KEY ("JobTrackId", "EmployerId"),
    CONSTRAINT "FK_JobTrackEmployers_Employers_EmployerId" FOREIGN KEY ("EmployerId") REFERENCES "Employers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JobTrackEmployers_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobTrackRequirements" (
    "Id" uuid NOT NULL,
    "Kind" character varying(30) NOT NULL,
    "Value" character varying(100) NOT NULL,
    "MustHave" boolean NOT NULL,
    "JobTrackId" uuid NOT NULL,
    CONSTRAINT "PK_JobTrackRequirements" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JobTrackRequirements_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobTrackStageChanges" (
    "Id" uuid NOT NULL,
    "JobTrackId" uuid NOT NULL,
    "From" character varying(20),
    "To" character varying(20) NOT NULL,
    "ByUserId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_JobTrackStageChanges" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JobTrackStageChanges_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobTrackTeamMembers" (
    "Id" uuid NOT NULL,
    "JobTrackId" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Role" character varying(200) NOT NULL,
    "Organisation" character varying(200) NOT NULL,
    CONSTRAINT "PK_JobTrackTeamMembers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JobTrackTeamMembers_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JobTrackCandidates" (
    "Id" uuid NOT NULL,
    "JobTrackId" uuid NOT NULL,
    "ParticipantId" uuid NOT NULL,
    "ProposedByUserId" uuid NOT NULL,
    "ProposedByOrganisationId" uuid NOT NULL,
    "ProposedAt" timestamp with time zone NOT NULL,
    "Stage" character varying(30) NOT NULL,
    "AfRegistered" boolean,
    "EntitledToEmploymentSupport" boolean,
    "StartedOn" date,
    "HiredAs" character varying(30),
    "HiredOn" date,
    CONSTRAINT "PK_JobTrackCandidates" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JobTrackCandidates_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_JobTrackCandidates_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "InterMunicipalCompensations" (
    "Id" uuid NOT NULL,
    "JobTrackId" uuid NOT NULL,
    "CandidateId" uuid NOT NULL,
    "PayerMunicipalityCode" character varying(4) NOT NULL,
    "ReceiverMunicipalityCode" character varying(4) NOT NULL,
    "StartsOn" date NOT NULL,
    "Weeks" integer NOT NULL,
    "Amount" numeric(12,2) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_InterMunicipalCompensations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_InterMunicipalCompensations_JobTrackCandidates_CandidateId" FOREIGN KEY ("CandidateId") REFERENCES "JobTrackCandidates" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_InterMunicipalCompensations_JobTracks_JobTrackId" FOREIGN KEY ("JobTrackId") REFERENCES "JobTracks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "JobTrackCandidateStageChanges" (
    "Id" uuid NOT NULL,
    "CandidateId" uuid NOT NULL,
    "From" character varying(30),
    "To" character varying(30) NOT NULL,
    "ByUserId" uuid NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_JobTrackCandidateStageChanges" PRIMARY KEY ("Id"),
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
