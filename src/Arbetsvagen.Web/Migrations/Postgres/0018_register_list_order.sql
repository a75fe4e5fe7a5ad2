-- 0018: the employer register and the placements list read their page in order from an index.
-- Employers: within a collaboration, by name in Swedish order, then id. The collation sits on the index column, not on
-- the table column: ORDER BY "Name" COLLATE swedish reads the index in order, while the name search's lower("Name")
-- keeps the database's own case mapping (ICU's is about half as fast again on every row searched). It replaces the name
-- index and the collaboration index, which is its first column.
-- Placements: within a collaboration and municipality, newest first.

DROP INDEX "IX_Employers_Name";
DROP INDEX "IX_Employers_OwnerCollaborationId";
CREATE INDEX "IX_Employers_Collaboration_Name" ON "Employers" ("OwnerCollaborationId", "Name" COLLATE "swedish", "Id");
CREATE INDEX "IX_Placements_OwnerCollaborationId_MunicipalityCode_CreatedAt" ON "Placements" ("OwnerCollaborationId", "MunicipalityCode", "CreatedAt");

ANALYZE "Employers";
ANALYZE "Placements";
