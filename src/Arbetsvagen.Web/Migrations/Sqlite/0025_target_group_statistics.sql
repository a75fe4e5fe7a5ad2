-- 0025: target-group statistics (Features/Statistics). StatisticsImports keeps every uploaded file of Arbetsförmedlingen's
-- figures as a version (a rejected one only with its report), ImportedFigures the accepted lines as stated, and
-- TargetGroupPublications each published overview frozen as JSON with its publisher and any override reason.

CREATE TABLE "StatisticsImports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StatisticsImports" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "TemplateVersion" INTEGER NOT NULL,
    "Encoding" TEXT NOT NULL,
    "Accepted" INTEGER NOT NULL,
    "LineCount" INTEGER NOT NULL,
    "Report" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedByUserId" TEXT NOT NULL,
    "UploadedByName" TEXT NOT NULL
);

CREATE TABLE "TargetGroupPublications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TargetGroupPublications" PRIMARY KEY,
    "CollaborationId" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "PublishedByUserId" TEXT NOT NULL,
    "PublishedByName" TEXT NOT NULL,
    "FailedChecks" INTEGER NOT NULL,
    "OverrideReason" TEXT NULL,
    "Content" TEXT NOT NULL
);

CREATE TABLE "ImportedFigures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportedFigures" PRIMARY KEY AUTOINCREMENT,
    "ImportId" TEXT NOT NULL,
    "Line" INTEGER NOT NULL,
    "MunicipalityCode" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
    "Status" TEXT NULL,
    "Gender" TEXT NULL,
    "Registered" INTEGER NULL,
    "ShortEducated" INTEGER NULL,
    "EducationDuty" INTEGER NULL,
    "Disability" INTEGER NULL,
    "SocialAssistance" INTEGER NULL,
    "Population" INTEGER NULL,
    "ShortEducatedShare" TEXT NULL,
    "DisabilityShare" TEXT NULL,
    "SocialAssistanceShare" TEXT NULL,
    CONSTRAINT "FK_ImportedFigures_StatisticsImports_ImportId" FOREIGN KEY ("ImportId") REFERENCES "StatisticsImports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ImportedFigures_ImportId_MunicipalityCode_Month" ON "ImportedFigures" ("ImportId", "MunicipalityCode", "Month");

CREATE INDEX "IX_StatisticsImports_CollaborationId_UploadedAt" ON "StatisticsImports" ("CollaborationId", "UploadedAt");

CREATE INDEX "IX_TargetGroupPublications_CollaborationId_Month_PublishedAt" ON "TargetGroupPublications" ("CollaborationId", "Month", "PublishedAt");

