-- 0010 (picker): postcodes are kept as the post writes them, "183 70". The form used to store what was typed,
-- so "18370" rows get their space; any other value was refused by the form and stays as it is.

UPDATE "Participants"
SET "PostalCode" = substr("PostalCode", 1, 3) || ' ' || substr("PostalCode", 4, 2)
WHERE length("PostalCode") = 5 AND "PostalCode" NOT LIKE '% %';
