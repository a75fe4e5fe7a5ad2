-- 0021: the access log's keyed chain and append-only consents (ADR 0015).
-- Existing log rows keep Sequence and KeyId NULL: they are the old unkeyed SHA-256 chain. The application's first
-- write after this migration starts the keyed chain with a switch-over row (sequence 1) whose keyed hash binds the
-- last old hash, and seals the existing consents into the chain.
ALTER TABLE "AccessLog" ADD COLUMN "ContentHash" TEXT NULL;
ALTER TABLE "AccessLog" ADD COLUMN "Sequence" INTEGER NULL;
ALTER TABLE "AccessLog" ADD COLUMN "KeyId" TEXT NULL;
CREATE UNIQUE INDEX "IX_AccessLog_Sequence" ON "AccessLog" ("Sequence");

-- A consent is never changed or removed; the one change allowed is recording its withdrawal, once.
CREATE TRIGGER "Consents_withdraw_once" BEFORE UPDATE ON "Consents"
WHEN NOT (OLD."WithdrawnAt" IS NULL AND OLD."WithdrawnByUserId" IS NULL
    AND NEW."WithdrawnAt" IS NOT NULL AND NEW."WithdrawnByUserId" IS NOT NULL
    AND NEW."Id" IS OLD."Id" AND NEW."ParticipantId" IS OLD."ParticipantId" AND NEW."OwnerOrganisationId" IS OLD."OwnerOrganisationId"
    AND NEW."Categories" IS OLD."Categories" AND NEW."Purpose" IS OLD."Purpose" AND NEW."GivenAt" IS OLD."GivenAt"
    AND NEW."Form" IS OLD."Form" AND NEW."DocumentedByUserId" IS OLD."DocumentedByUserId" AND NEW."ValidUntil" IS OLD."ValidUntil"
    AND NEW."RecordedAt" IS OLD."RecordedAt")
BEGIN
    SELECT RAISE(ABORT, 'Consents are append-only: only a withdrawal may be recorded, once');
END;

CREATE TRIGGER "Consents_no_delete" BEFORE DELETE ON "Consents"
BEGIN
    SELECT RAISE(ABORT, 'Consents are append-only');
END;

CREATE TRIGGER "ConsentRecipient_no_update" BEFORE UPDATE ON "ConsentRecipient"
BEGIN
    SELECT RAISE(ABORT, 'Consents are append-only');
END;

CREATE TRIGGER "ConsentRecipient_no_delete" BEFORE DELETE ON "ConsentRecipient"
BEGIN
    SELECT RAISE(ABORT, 'Consents are append-only');
END;
