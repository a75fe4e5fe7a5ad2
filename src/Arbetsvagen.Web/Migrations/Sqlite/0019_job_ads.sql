-- 0019: job ads in JobSearch's format, their imports and the imports' reports of bad lines (Features/JobAds).
-- An ad is keyed by its Platsbanken id (AdKey, unique): a re-import updates or leaves it, never duplicates it.
-- An import's progress is saved with each batch of ads, so a stopped import resumes from its last committed batch.

CREATE TABLE "JobAdImports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobAdImports" PRIMARY KEY,
    "FileName" TEXT NOT NULL,
    "Format" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "TotalBytes" INTEGER NOT NULL,
    "DoneBytes" INTEGER NOT NULL,
    "Records" INTEGER NOT NULL,
    "Added" INTEGER NOT NULL,
    "Updated" INTEGER NOT NULL,
    "Unchanged" INTEGER NOT NULL,
    "Closed" INTEGER NOT NULL,
    "BadRecords" INTEGER NOT NULL,
    "RejectedBecause" TEXT NULL,
    "StartedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "StartedAt" TEXT NULL,
    "FinishedAt" TEXT NULL,
    "LeaseUntil" TEXT NULL
);

CREATE TABLE "JobAds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobAds" PRIMARY KEY,
    "AdKey" TEXT NOT NULL,
    "Headline" TEXT NOT NULL,
    "EmployerName" TEXT NULL,
    "EmployerOrganisationNumber" TEXT NULL,
    "OccupationId" TEXT NULL,
    "OccupationLabel" TEXT NULL,
    "SsykCode" TEXT NULL,
    "OccupationFieldId" TEXT NULL,
    "MunicipalityCode" TEXT NULL,
    "Vacancies" INTEGER NOT NULL,
    "EmploymentTypeId" TEXT NULL,
    "EmploymentTypeLabel" TEXT NULL,
    "DrivingLicenceRequired" INTEGER NOT NULL,
    "DrivingLicences" TEXT NULL,
    "ExperienceRequired" INTEGER NOT NULL,
    "PublishedOn" TEXT NOT NULL,
    "ApplicationDeadline" TEXT NULL,
    "LastPublicationOn" TEXT NULL,
    "Removed" INTEGER NOT NULL,
    "RemovedOn" TEXT NULL,
    "ContentHash" TEXT NOT NULL,
    "LastImportId" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);

CREATE TABLE "JobAdImportProblems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JobAdImportProblems" PRIMARY KEY AUTOINCREMENT,
    "ImportId" TEXT NOT NULL,
    "Line" INTEGER NOT NULL,
    "Reason" TEXT NOT NULL,
    CONSTRAINT "FK_JobAdImportProblems_JobAdImports_ImportId" FOREIGN KEY ("ImportId") REFERENCES "JobAdImports" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_JobAdImportProblems_ImportId_Line" ON "JobAdImportProblems" ("ImportId", "Line");

CREATE INDEX "IX_JobAdImports_CreatedAt" ON "JobAdImports" ("CreatedAt");

CREATE INDEX "IX_JobAdImports_Status_CreatedAt" ON "JobAdImports" ("Status", "CreatedAt");

CREATE UNIQUE INDEX "IX_JobAds_AdKey" ON "JobAds" ("AdKey");

CREATE INDEX "IX_JobAds_MunicipalityCode_PublishedOn" ON "JobAds" ("MunicipalityCode", "PublishedOn");

CREATE INDEX "IX_JobAds_OccupationFieldId_PublishedOn" ON "JobAds" ("OccupationFieldId", "PublishedOn");

CREATE INDEX "IX_JobAds_PublishedOn" ON "JobAds" ("PublishedOn");

CREATE INDEX "IX_JobAds_SsykCode_PublishedOn" ON "JobAds" ("SsykCode", "PublishedOn");
