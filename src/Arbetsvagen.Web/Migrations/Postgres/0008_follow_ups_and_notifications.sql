-- 0008: follow-ups 3, 6 and 12 months after closure, and in-app notifications.

CREATE TABLE "CaseFollowUps" (
    "Id" uuid NOT NULL,
    "CaseId" uuid NOT NULL,
    "Months" integer NOT NULL,
    "DueOn" date NOT NULL,
    "FollowedUpOn" date NOT NULL,
    "Status" character varying(30) NOT NULL,
    "IncomeSource" character varying(40),
    "Note" character varying(2000),
    "RecordedByUserId" uuid NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CaseFollowUps" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CaseFollowUps_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Notifications" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Text" character varying(500) NOT NULL,
    "Link" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ReadAt" timestamp with time zone,
    CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CaseFollowUps_CaseId_Months" ON "CaseFollowUps" ("CaseId", "Months");

CREATE INDEX "IX_Notifications_UserId_ReadAt_CreatedAt" ON "Notifications" ("UserId", "ReadAt", "CreatedAt");
