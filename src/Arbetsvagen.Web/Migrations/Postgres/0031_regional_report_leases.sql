-- 0031: the regional report's background generation held by one app instance at a time (ADR 0030): the instance that
-- holds a queued or running report, and until when its claim holds (renewed while the instance lives).

ALTER TABLE "RegionalReports" ADD COLUMN "ClaimedBy" character varying(100);
ALTER TABLE "RegionalReports" ADD COLUMN "LeaseUntil" timestamp with time zone;
