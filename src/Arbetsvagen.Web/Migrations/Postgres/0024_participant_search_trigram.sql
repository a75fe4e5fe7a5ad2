-- 0024: the participant name search (LIKE '%word%') answered from a trigram index (ADR 0019).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner that runs the migrations may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "IX_Participants_SearchName_trgm" ON "Participants" USING gin ("SearchName" gin_trgm_ops);
