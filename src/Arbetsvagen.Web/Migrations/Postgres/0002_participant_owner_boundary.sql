-- 0002: participants carry their owner's secrecy boundary, so that visibility and search need no join.
ALTER TABLE "Participants" ADD COLUMN "OwnerBoundaryId" uuid;

UPDATE "Participants" AS p
SET "OwnerBoundaryId" = o."SecrecyBoundaryId"
FROM "Organisations" AS o
WHERE o."Id" = p."OwnerOrganisationId";

ALTER TABLE "Participants" ALTER COLUMN "OwnerBoundaryId" SET NOT NULL;

CREATE INDEX "IX_Participants_OwnerBoundaryId_SearchName" ON "Participants" ("OwnerBoundaryId", "SearchName");

CREATE INDEX "IX_Participants_OwnerBoundaryId_UpdatedAt" ON "Participants" ("OwnerBoundaryId", "UpdatedAt");
