-- 0023: the collaboration's governance (issue 14): agreements with parties, sections and revisions; groups with members;
-- meetings with attendance and decisions; focus areas and the yearly priority process; action items; the annual cycle;
-- good examples with attachments.

CREATE TABLE "Agreements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Agreements" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "TargetGroups" TEXT NOT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_Agreements_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AgreementParties" (
    "AgreementId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    CONSTRAINT "PK_AgreementParties" PRIMARY KEY ("AgreementId", "OrganisationId"),
    CONSTRAINT "FK_AgreementParties_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgreementParties_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AgreementSections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AgreementSections" PRIMARY KEY,
    "AgreementId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Heading" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    CONSTRAINT "FK_AgreementSections_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AgreementRevisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AgreementRevisions" PRIMARY KEY,
    "AgreementId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "Snapshot" TEXT NOT NULL,
    CONSTRAINT "FK_AgreementRevisions_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GovernanceGroups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GovernanceGroups" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Mandate" TEXT NOT NULL,
    "Cadence" TEXT NOT NULL,
    "CadenceWeeks" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_GovernanceGroups_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GovernanceGroupMembers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GovernanceGroupMembers" PRIMARY KEY,
    "GroupId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "IsAdjunct" INTEGER NOT NULL,
    CONSTRAINT "FK_GovernanceGroupMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceGroupMembers_GovernanceGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "GovernanceGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GovernanceGroupMembers_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GovernanceMeetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GovernanceMeetings" PRIMARY KEY,
    "GroupId" TEXT NOT NULL,
    "CollaborationId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "HeldOn" TEXT NOT NULL,
    "Agenda" TEXT NOT NULL,
    "Minutes" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_GovernanceMeetings_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceMeetings_GovernanceGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "GovernanceGroups" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GovernanceMeetingAttendance" (
    "MeetingId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "Present" INTEGER NOT NULL,
    CONSTRAINT "PK_GovernanceMeetingAttendance" PRIMARY KEY ("MeetingId", "MemberId"),
    CONSTRAINT "FK_GovernanceMeetingAttendance_GovernanceGroupMembers_MemberId" FOREIGN KEY ("MemberId") REFERENCES "GovernanceGroupMembers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceMeetingAttendance_GovernanceMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "GovernanceMeetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GovernanceDecisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GovernanceDecisions" PRIMARY KEY,
    "MeetingId" TEXT NOT NULL,
    "CollaborationId" TEXT NOT NULL,
    "Reference" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "SubjectId" TEXT NULL,
    "DecidedOn" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_GovernanceDecisions_GovernanceMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "GovernanceMeetings" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FocusAreas" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FocusAreas" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Goal" TEXT NOT NULL,
    "ResponsibleGroupId" TEXT NULL,
    "Activities" TEXT NOT NULL,
    "ReportBack" TEXT NULL,
    "Status" TEXT NOT NULL,
    "DecisionId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_FocusAreas_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FocusAreas_GovernanceDecisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "GovernanceDecisions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FocusAreas_GovernanceGroups_ResponsibleGroupId" FOREIGN KEY ("ResponsibleGroupId") REFERENCES "GovernanceGroups" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PriorityRounds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PriorityRounds" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Stage" TEXT NOT NULL,
    "WorkingGroupProposal" TEXT NULL,
    "ProposedAt" TEXT NULL,
    "ProposedByUserId" TEXT NULL,
    "DecisionId" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_PriorityRounds_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PriorityRounds_GovernanceDecisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "GovernanceDecisions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PriorityProposals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PriorityProposals" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Goal" TEXT NOT NULL,
    "Recommended" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_PriorityProposals_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PriorityProposals_PriorityRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "PriorityRounds" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GovernanceActionItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GovernanceActionItems" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "OwnerUserId" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "MeetingId" TEXT NULL,
    "FocusAreaId" TEXT NULL,
    "CreatedOn" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    CONSTRAINT "FK_GovernanceActionItems_AspNetUsers_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceActionItems_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceActionItems_FocusAreas_FocusAreaId" FOREIGN KEY ("FocusAreaId") REFERENCES "FocusAreas" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceActionItems_GovernanceMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "GovernanceMeetings" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AnnualCycleEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AnnualCycleEvents" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "RecursYearly" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AnnualCycleEvents_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GoodExamples" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GoodExamples" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Organisation" TEXT NOT NULL,
    "Aim" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "Model" TEXT NOT NULL,
    "Results" TEXT NOT NULL,
    "Contact" TEXT NULL,
    "Period" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_GoodExamples_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GoodExampleAttachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GoodExampleAttachments" PRIMARY KEY,
    "ExampleId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Content" BLOB NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "ByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_GoodExampleAttachments_GoodExamples_ExampleId" FOREIGN KEY ("ExampleId") REFERENCES "GoodExamples" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AgreementParties_OrganisationId" ON "AgreementParties" ("OrganisationId");
CREATE UNIQUE INDEX "IX_AgreementRevisions_AgreementId_Number" ON "AgreementRevisions" ("AgreementId", "Number");
CREATE INDEX "IX_Agreements_CollaborationId" ON "Agreements" ("CollaborationId");
CREATE INDEX "IX_AgreementSections_AgreementId" ON "AgreementSections" ("AgreementId");
CREATE INDEX "IX_AnnualCycleEvents_CollaborationId" ON "AnnualCycleEvents" ("CollaborationId");
CREATE INDEX "IX_FocusAreas_CollaborationId_Year" ON "FocusAreas" ("CollaborationId", "Year");
CREATE INDEX "IX_FocusAreas_DecisionId" ON "FocusAreas" ("DecisionId");
CREATE INDEX "IX_FocusAreas_ResponsibleGroupId" ON "FocusAreas" ("ResponsibleGroupId");
CREATE INDEX "IX_GoodExampleAttachments_ExampleId" ON "GoodExampleAttachments" ("ExampleId");
CREATE INDEX "IX_GoodExamples_CollaborationId" ON "GoodExamples" ("CollaborationId");
CREATE INDEX "IX_GovernanceActionItems_CollaborationId_DueOn" ON "GovernanceActionItems" ("CollaborationId", "DueOn");
CREATE INDEX "IX_GovernanceActionItems_FocusAreaId" ON "GovernanceActionItems" ("FocusAreaId");
CREATE INDEX "IX_GovernanceActionItems_MeetingId" ON "GovernanceActionItems" ("MeetingId");
CREATE INDEX "IX_GovernanceActionItems_OwnerUserId_DueOn" ON "GovernanceActionItems" ("OwnerUserId", "DueOn");
CREATE INDEX "IX_GovernanceDecisions_CollaborationId_DecidedOn" ON "GovernanceDecisions" ("CollaborationId", "DecidedOn");
CREATE INDEX "IX_GovernanceDecisions_MeetingId" ON "GovernanceDecisions" ("MeetingId");
CREATE INDEX "IX_GovernanceDecisions_SubjectId" ON "GovernanceDecisions" ("SubjectId");
CREATE INDEX "IX_GovernanceGroupMembers_GroupId" ON "GovernanceGroupMembers" ("GroupId");
CREATE INDEX "IX_GovernanceGroupMembers_OrganisationId" ON "GovernanceGroupMembers" ("OrganisationId");
CREATE INDEX "IX_GovernanceGroupMembers_UserId" ON "GovernanceGroupMembers" ("UserId");
CREATE INDEX "IX_GovernanceGroups_CollaborationId" ON "GovernanceGroups" ("CollaborationId");
CREATE INDEX "IX_GovernanceMeetingAttendance_MemberId" ON "GovernanceMeetingAttendance" ("MemberId");
CREATE INDEX "IX_GovernanceMeetings_CollaborationId_HeldOn" ON "GovernanceMeetings" ("CollaborationId", "HeldOn");
CREATE INDEX "IX_GovernanceMeetings_GroupId_HeldOn" ON "GovernanceMeetings" ("GroupId", "HeldOn");
CREATE INDEX "IX_PriorityProposals_OrganisationId" ON "PriorityProposals" ("OrganisationId");
CREATE INDEX "IX_PriorityProposals_RoundId" ON "PriorityProposals" ("RoundId");
CREATE UNIQUE INDEX "IX_PriorityRounds_CollaborationId_Year" ON "PriorityRounds" ("CollaborationId", "Year");
CREATE INDEX "IX_PriorityRounds_DecisionId" ON "PriorityRounds" ("DecisionId");
