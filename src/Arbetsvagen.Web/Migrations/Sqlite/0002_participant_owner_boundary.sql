-- 0002: participants carry their owner's secrecy boundary, so that visibility and search need no join.
ALTER TABLE "Participants" ADD COLUMN "OwnerBoundaryId" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';

UPDATE "Participants"
SET "OwnerBoundaryId" = (SELECT o."SecrecyBoundaryId" FROM "Organisations" AS o WHERE o."Id" = "Participants"."OwnerOrganisationId");

CREATE INDEX "IX_Participants_OwnerBoundaryId_SearchName" ON "Participants" ("OwnerBoundaryId", "SearchName");

CREATE INDEX "IX_Participants_OwnerBoundaryId_UpdatedAt" ON "Participants" ("OwnerBoundaryId", "UpdatedAt");
