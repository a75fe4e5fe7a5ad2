-- 0018: the employer register and the placements list read their page in order from an index.
-- Employers: the name carries the Swedish collation as its column collation (like the participants' names in 0010), so
-- an ORDER BY "Name" COLLATE swedish within a collaboration reads the index below in order. It replaces the name index
-- and the collaboration index, which is its first column.
-- Placements: within a collaboration and municipality, newest first.

DROP INDEX "IX_Employers_Name";
DROP INDEX "IX_Employers_OwnerCollaborationId";
ALTER TABLE "Employers" ALTER COLUMN "Name" TYPE character varying(200) COLLATE "swedish";
CREATE INDEX "IX_Employers_Collaboration_Name" ON "Employers" ("OwnerCollaborationId", "Name", "Id");
CREATE INDEX "IX_Placements_OwnerCollaborationId_MunicipalityCode_CreatedAt" ON "Placements" ("OwnerCollaborationId", "MunicipalityCode", "CreatedAt");

ANALYZE "Employers";
ANALYZE "Placements";
