-- 0003: the access log is append-only. The trigger refuses UPDATE and DELETE for every role, and TRUNCATE
-- is refused by a statement trigger; the application's role owns no way around them short of DDL, which
-- production deployments should not grant it (docs/decisions/0003).
CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AccessLog is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AccessLog_no_update_delete" BEFORE UPDATE OR DELETE ON "AccessLog"
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();

CREATE TRIGGER "AccessLog_no_truncate" BEFORE TRUNCATE ON "AccessLog"
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON "AccessLog" FROM PUBLIC;
