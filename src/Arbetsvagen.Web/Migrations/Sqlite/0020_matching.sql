-- 0020: matching in the web app (Features/Matching). MatchingChanges is the change feed each app instance follows
-- to keep its in-memory candidate index current (written in the same transaction as the change it tells of);
-- MatchingSettings holds each collaboration's weights and commuting limit; ProposalRequests the asks to a person's
-- own caseworker to consider proposing them, one per person and opportunity.

CREATE TABLE "MatchingChanges" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MatchingChanges" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "ParticipantId" TEXT NULL,
    "At" TEXT NOT NULL
);

CREATE TABLE "MatchingSettings" (
    "CollaborationId" TEXT NOT NULL CONSTRAINT "PK_MatchingSettings" PRIMARY KEY,
    "Weights" TEXT NOT NULL,
    "MaxCommuteMinutes" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedByUserId" TEXT NOT NULL
);

CREATE TABLE "ProposalRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ProposalRequests" PRIMARY KEY,
    "OpportunityKey" TEXT NOT NULL,
    "OpportunityTitle" TEXT NOT NULL,
    "ParticipantId" TEXT NOT NULL,
    "AskedByUserId" TEXT NOT NULL,
    "AskedByOrganisationId" TEXT NOT NULL,
    "AskedAt" TEXT NOT NULL
);

CREATE INDEX "IX_MatchingChanges_At" ON "MatchingChanges" ("At");

CREATE UNIQUE INDEX "IX_ProposalRequests_OpportunityKey_ParticipantId" ON "ProposalRequests" ("OpportunityKey", "ParticipantId");

CREATE INDEX "IX_ProposalRequests_ParticipantId_AskedAt" ON "ProposalRequests" ("ParticipantId", "AskedAt");

