-- 0008: follow-ups 3, 6 and 12 months after closure, and in-app notifications.

CREATE TABLE "CaseFollowUps" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseFollowUps" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Months" INTEGER NOT NULL,
    "DueOn" TEXT NOT NULL,
    "FollowedUpOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "IncomeSource" TEXT NULL,
    "Note" TEXT NULL,
    "RecordedByUserId" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_CaseFollowUps_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CaseFollowUps_CaseId_Months" ON "CaseFollowUps" ("CaseId", "Months");

CREATE INDEX "IX_Notifications_UserId_ReadAt_CreatedAt" ON "Notifications" ("UserId", "ReadAt", "CreatedAt");
