-- 0018: the employer register and the placements list read their page in order from an index.
-- Employers: within a collaboration, by name in Swedish order (the collation the application registers), then id.
-- It replaces the name index and the collaboration index, which is its first column.
-- Placements: within a collaboration and municipality, newest first.

DROP INDEX "IX_Employers_Name";
DROP INDEX "IX_Employers_OwnerCollaborationId";
CREATE INDEX "IX_Employers_Collaboration_Name" ON "Employers" ("OwnerCollaborationId", "Name" COLLATE swedish, "Id");
CREATE INDEX "IX_Placements_OwnerCollaborationId_MunicipalityCode_CreatedAt" ON "Placements" ("OwnerCollaborationId", "MunicipalityCode", "CreatedAt");

ANALYZE "Employers";
ANALYZE "Placements";
