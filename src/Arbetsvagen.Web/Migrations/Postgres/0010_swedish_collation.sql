-- 0010: lists in Swedish order (Å, Ä, Ö after Z). Every ordering by text in a query names the collation "swedish"
-- (SwedishCollation.Ordering); here it is ICU's Swedish. The names the participant list sorts by carry it as their
-- column collation, so the list's index (0009) is rebuilt in that order and the list keeps reading from it.

CREATE COLLATION IF NOT EXISTS "swedish" FROM "sv-SE-x-icu";

ALTER TABLE "Participants" ALTER COLUMN "LastName" TYPE character varying(100) COLLATE "swedish";
ALTER TABLE "Participants" ALTER COLUMN "FirstName" TYPE character varying(100) COLLATE "swedish";
