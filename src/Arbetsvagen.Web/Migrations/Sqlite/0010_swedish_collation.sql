-- 0010: lists in Swedish order (Å, Ä, Ö after Z). Every ordering by text in a query names the collation "swedish"
-- (SwedishCollation.Ordering), which the application registers on each connection. The participant list's index
-- (0009) is rebuilt in that order so the list keeps reading from it.
-- A connection without the collation (the sqlite3 shell, say) gets "no such collation sequence: swedish" when it
-- writes participants or reads through this index.

DROP INDEX "IX_Participants_OwnerBoundaryId_ListOrder";
CREATE INDEX "IX_Participants_OwnerBoundaryId_ListOrder" ON "Participants" ("OwnerBoundaryId", "LastName" COLLATE swedish, "FirstName" COLLATE swedish, "Id", "SearchName");

ANALYZE "Participants";
