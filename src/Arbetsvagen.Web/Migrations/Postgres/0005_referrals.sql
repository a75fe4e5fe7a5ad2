-- 0005: referrals (remisser) with return reports and three-party meetings.

CREATE TABLE "Referrals" (
    "Id" uuid NOT NULL,
    "ParticipantId" uuid NOT NULL,
    "FromOrganisationId" uuid NOT NULL,
    "FromBoundaryId" uuid NOT NULL,
    "FromCaseId" uuid,
    "ToOrganisationId" uuid NOT NULL,
    "ToBoundaryId" uuid NOT NULL,
    "Orders" integer NOT NULL,
    "Question" character varying(4000) NOT NULL,
    "SentOn" date NOT NULL,
    "ExpectedReportOn" date NOT NULL,
    "SentAt" timestamp with time zone NOT NULL,
    "SentByUserId" uuid NOT NULL,
    "State" character varying(20) NOT NULL,
    "AnsweredAt" timestamp with time zone,
    "AnsweredByUserId" uuid,
    "DeclineReason" character varying(2000),
    "ReportedAt" timestamp with time zone,
    "ReportedByUserId" uuid,
    "ReportWhatWasDone" character varying(4000),
    "ReportAttendanceSummary" character varying(4000),
    "ReportResult" character varying(4000),
    "ReportRecommendation" character varying(4000),
    CONSTRAINT "PK_Referrals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Referrals_Cases_FromCaseId" FOREIGN KEY ("FromCaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Referrals_Organisations_ToOrganisationId" FOREIGN KEY ("ToOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Referrals_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ThreePartyMeetings" (
    "Id" uuid NOT NULL,
    "ReferralId" uuid NOT NULL,
    "HeldAt" timestamp with time zone NOT NULL,
    "Attendees" character varying(4000) NOT NULL,
    "Notes" character varying(4000) NOT NULL,
    "RecordedByUserId" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ThreePartyMeetings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ThreePartyMeetings_Referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES "Referrals" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Referrals_FromBoundaryId_State" ON "Referrals" ("FromBoundaryId", "State");

CREATE INDEX "IX_Referrals_FromCaseId" ON "Referrals" ("FromCaseId");

CREATE INDEX "IX_Referrals_ParticipantId_SentOn" ON "Referrals" ("ParticipantId", "SentOn");

CREATE INDEX "IX_Referrals_ToBoundaryId_State" ON "Referrals" ("ToBoundaryId", "State");

CREATE INDEX "IX_Referrals_ToOrganisationId" ON "Referrals" ("ToOrganisationId");

CREATE INDEX "IX_ThreePartyMeetings_ReferralId" ON "ThreePartyMeetings" ("ReferralId");
