-- 0003: the access log is append-only; the database itself refuses to change or remove a row.
CREATE TRIGGER "AccessLog_no_update" BEFORE UPDATE ON "AccessLog"
BEGIN
    SELECT RAISE(ABORT, 'AccessLog is append-only');
END;

CREATE TRIGGER "AccessLog_no_delete" BEFORE DELETE ON "AccessLog"
BEGIN
    SELECT RAISE(ABORT, 'AccessLog is append-only');
END;
