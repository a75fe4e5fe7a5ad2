-- 0005: referrals (remisser) with return reports and three-party meetings.

CREATE TABLE "Referrals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Referrals" PRIMARY KEY,
    "ParticipantId" TEXT NOT NULL,
    "FromOrganisationId" TEXT NOT NULL,
    "FromBoundaryId" TEXT NOT NULL,
    "FromCaseId" TEXT NULL,
    "ToOrganisationId" TEXT NOT NULL,
    "ToBoundaryId" TEXT NOT NULL,
    "Orders" INTEGER NOT NULL,
    "Question" TEXT NOT NULL,
    "SentOn" TEXT NOT NULL,
    "ExpectedReportOn" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    "SentByUserId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredByUserId" TEXT NULL,
    "DeclineReason" TEXT NULL,
    "ReportedAt" TEXT NULL,
    "ReportedByUserId" TEXT NULL,
    "ReportWhatWasDone" TEXT NULL,
    "ReportAttendanceSummary" TEXT NULL,
    "ReportResult" TEXT NULL,
    "ReportRecommendation" TEXT NULL,
    CONSTRAINT "FK_Referrals_Cases_FromCaseId" FOREIGN KEY ("FromCaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Referrals_Organisations_ToOrganisationId" FOREIGN KEY ("ToOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Referrals_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ThreePartyMeetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ThreePartyMeetings" PRIMARY KEY,
    "ReferralId" TEXT NOT NULL,
    "HeldAt" TEXT NOT NULL,
    "Attendees" TEXT NOT NULL,
    "Notes" TEXT NOT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ThreePartyMeetings_Referrals_ReferralId" FOREIGN KEY ("ReferralId") REFERENCES "Referrals" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Referrals_FromBoundaryId_State" ON "Referrals" ("FromBoundaryId", "State");

CREATE INDEX "IX_Referrals_FromCaseId" ON "Referrals" ("FromCaseId");

CREATE INDEX "IX_Referrals_ParticipantId_SentOn" ON "Referrals" ("ParticipantId", "SentOn");

CREATE INDEX "IX_Referrals_ToBoundaryId_State" ON "Referrals" ("ToBoundaryId", "State");

CREATE INDEX "IX_Referrals_ToOrganisationId" ON "Referrals" ("ToOrganisationId");

CREATE INDEX "IX_ThreePartyMeetings_ReferralId" ON "ThreePartyMeetings" ("ReferralId");
