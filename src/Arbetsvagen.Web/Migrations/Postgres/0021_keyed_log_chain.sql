-- 0021: the access log's keyed chain and append-only consents (ADR 0015).
-- Existing log rows keep Sequence and KeyId NULL: they are the old unkeyed SHA-256 chain. The application's first
-- write after this migration starts the keyed chain with a switch-over row (sequence 1) whose keyed hash binds the
-- last old hash, and seals the existing consents into the chain.
ALTER TABLE "AccessLog" ADD "ContentHash" character varying(64);
ALTER TABLE "AccessLog" ADD "Sequence" bigint;
ALTER TABLE "AccessLog" ADD "KeyId" character varying(16);
CREATE UNIQUE INDEX "IX_AccessLog_Sequence" ON "AccessLog" ("Sequence");

-- A consent is never changed or removed; the one change allowed is recording its withdrawal, once: every other
-- column stays as it was.
CREATE FUNCTION consents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'Consents'
        AND OLD."WithdrawnAt" IS NULL AND OLD."WithdrawnByUserId" IS NULL
        AND NEW."WithdrawnAt" IS NOT NULL AND NEW."WithdrawnByUserId" IS NOT NULL
        AND (to_jsonb(NEW) - 'WithdrawnAt' - 'WithdrawnByUserId') = (to_jsonb(OLD) - 'WithdrawnAt' - 'WithdrawnByUserId') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Consents are append-only: only a withdrawal may be recorded, once' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "Consents_append_only" BEFORE UPDATE OR DELETE ON "Consents"
    FOR EACH ROW EXECUTE FUNCTION consents_append_only();
CREATE TRIGGER "Consents_no_truncate" BEFORE TRUNCATE ON "Consents"
    FOR EACH STATEMENT EXECUTE FUNCTION consents_append_only();
CREATE TRIGGER "ConsentRecipient_append_only" BEFORE UPDATE OR DELETE ON "ConsentRecipient"
    FOR EACH ROW EXECUTE FUNCTION consents_append_only();
CREATE TRIGGER "ConsentRecipient_no_truncate" BEFORE TRUNCATE ON "ConsentRecipient"
    FOR EACH STATEMENT EXECUTE FUNCTION consents_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON "ConsentRecipient" FROM PUBLIC;
REVOKE DELETE, TRUNCATE ON "Consents" FROM PUBLIC;
