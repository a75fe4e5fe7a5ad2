-- 0009: the participant list reads a boundary's participants in name order from an index instead of sorting them all.

CREATE INDEX "IX_Participants_OwnerBoundaryId_LastName_FirstName_Id" ON "Participants" ("OwnerBoundaryId", "LastName", "FirstName", "Id");
