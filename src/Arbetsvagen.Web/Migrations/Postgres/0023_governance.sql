-- 0023: the collaboration's governance (issue 14): agreements with parties, sections and revisions; groups with members;
-- meetings with attendance and decisions; focus areas and the yearly priority process; action items; the annual cycle;
-- good examples with attachments.

CREATE TABLE "Agreements" (
    "Id" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Purpose" character varying(4000) NOT NULL,
    "TargetGroups" character varying(4000) NOT NULL,
    "StartsOn" date NOT NULL,
    "EndsOn" date NOT NULL,
    "Status" character varying(20) NOT NULL,
    "Revision" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_Agreements" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Agreements_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AgreementParties" (
    "AgreementId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    CONSTRAINT "PK_AgreementParties" PRIMARY KEY ("AgreementId", "OrganisationId"),
    CONSTRAINT "FK_AgreementParties_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AgreementParties_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AgreementSections" (
    "Id" uuid NOT NULL,
    "AgreementId" uuid NOT NULL,
    "Position" integer NOT NULL,
    "Heading" character varying(200) NOT NULL,
    "Body" character varying(20000) NOT NULL,
    CONSTRAINT "PK_AgreementSections" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AgreementSections_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AgreementRevisions" (
    "Id" uuid NOT NULL,
    "AgreementId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ByUserId" uuid NOT NULL,
    "Note" character varying(500) NOT NULL,
    "Snapshot" text NOT NULL,
    CONSTRAINT "PK_AgreementRevisions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AgreementRevisions_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GovernanceGroups" (
    "Id" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "Mandate" character varying(4000) NOT NULL,
    "Cadence" character varying(200) NOT NULL,
    "CadenceWeeks" integer,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_GovernanceGroups" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_GovernanceGroups_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GovernanceGroupMembers" (
    "Id" uuid NOT NULL,
    "GroupId" uuid NOT NULL,
    "UserId" uuid,
    "Name" character varying(200) NOT NULL,
    "Role" character varying(200) NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "IsAdjunct" boolean NOT NULL,
    CONSTRAINT "PK_GovernanceGroupMembers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_GovernanceGroupMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceGroupMembers_GovernanceGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "GovernanceGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GovernanceGroupMembers_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GovernanceMeetings" (
    "Id" uuid NOT NULL,
    "GroupId" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "HeldOn" date NOT NULL,
    "Agenda" character varying(20000) NOT NULL,
    "Minutes" character varying(20000),
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_GovernanceMeetings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_GovernanceMeetings_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceMeetings_GovernanceGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "GovernanceGroups" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GovernanceMeetingAttendance" (
    "MeetingId" uuid NOT NULL,
    "MemberId" uuid NOT NULL,
    "Present" boolean NOT NULL,
    CONSTRAINT "PK_GovernanceMeetingAttendance" PRIMARY KEY ("MeetingId", "MemberId"),
    CONSTRAINT "FK_GovernanceMeetingAttendance_GovernanceGroupMembers_MemberId" FOREIGN KEY ("MemberId") REFERENCES "GovernanceGroupMembers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceMeetingAttendance_GovernanceMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "GovernanceMeetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GovernanceDecisions" (
    "Id" uuid NOT NULL,
    "MeetingId" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "Reference" character varying(100) NOT NULL,
    "Text" character varying(4000) NOT NULL,
    "Subject" character varying(20) NOT NULL,
    "SubjectId" uuid,
    "DecidedOn" date NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ByUserId" uuid NOT NULL,
    CONSTRAINT "PK_GovernanceDecisions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_GovernanceDecisions_GovernanceMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "GovernanceMeetings" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FocusAreas" (
    "Id" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "Year" integer NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Goal" character varying(8000) NOT NULL,
    "ResponsibleGroupId" uuid,
    "Activities" character varying(8000) NOT NULL,
    "ReportBack" character varying(8000),
    "Status" character varying(20) NOT NULL,
    "DecisionId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_FocusAreas" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_FocusAreas_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FocusAreas_GovernanceDecisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "GovernanceDecisions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_FocusAreas_GovernanceGroups_ResponsibleGroupId" FOREIGN KEY ("ResponsibleGroupId") REFERENCES "GovernanceGroups" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PriorityRounds" (
    "Id" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "Year" integer NOT NULL,
    "Stage" character varying(30) NOT NULL,
    "WorkingGroupProposal" character varying(8000),
    "ProposedAt" timestamp with time zone,
    "ProposedByUserId" uuid,
    "DecisionId" uuid,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_PriorityRounds" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PriorityRounds_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PriorityRounds_GovernanceDecisions_DecisionId" FOREIGN KEY ("DecisionId") REFERENCES "GovernanceDecisions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PriorityProposals" (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Goal" character varying(4000) NOT NULL,
    "Recommended" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ByUserId" uuid NOT NULL,
    CONSTRAINT "PK_PriorityProposals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PriorityProposals_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PriorityProposals_PriorityRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "PriorityRounds" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GovernanceActionItems" (
    "Id" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "Title" character varying(300) NOT NULL,
    "OwnerUserId" uuid NOT NULL,
    "DueOn" date NOT NULL,
    "Status" character varying(20) NOT NULL,
    "MeetingId" uuid,
    "FocusAreaId" uuid,
    "CreatedOn" date NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    "ClosedAt" timestamp with time zone,
    CONSTRAINT "PK_GovernanceActionItems" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_GovernanceActionItems_AspNetUsers_OwnerUserId" FOREIGN KEY ("OwnerUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceActionItems_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceActionItems_FocusAreas_FocusAreaId" FOREIGN KEY ("FocusAreaId") REFERENCES "FocusAreas" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GovernanceActionItems_GovernanceMeetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "GovernanceMeetings" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AnnualCycleEvents" (
    "Id" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "Date" date NOT NULL,
    "RecursYearly" boolean NOT NULL,
    "Description" character varying(2000),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AnnualCycleEvents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AnnualCycleEvents_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GoodExamples" (
    "Id" uuid NOT NULL,
    "CollaborationId" uuid NOT NULL,
    "Title" character varying(200) NOT NULL,
    "Organisation" character varying(200) NOT NULL,
    "Aim" character varying(8000) NOT NULL,
    "TargetGroup" character varying(8000) NOT NULL,
    "Model" character varying(8000) NOT NULL,
    "Results" character varying(8000) NOT NULL,
    "Contact" character varying(200),
    "Period" character varying(200),
    "SearchText" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_GoodExamples" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_GoodExamples_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GoodExampleAttachments" (
    "Id" uuid NOT NULL,
    "ExampleId" uuid NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "Size" bigint NOT NULL,
    "Content" bytea NOT NULL,
    "UploadedAt" timestamp with time zone NOT NULL,
    "ByUserId" uuid NOT NULL,
    CONSTRAINT "PK_GoodExampleAttachments" PRIMARY KEY ("Id"),
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
