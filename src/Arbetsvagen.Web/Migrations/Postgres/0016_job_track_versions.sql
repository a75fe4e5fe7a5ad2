-- 0016: job tracks and their candidates carry a version, raised by every stage move (and edit of the track), so that
-- of two simultaneous moves from the same version only the first is saved (a concurrency token). Existing rows start at 0;
-- the application writes the column itself, so the default is dropped again.

ALTER TABLE "JobTracks" ADD COLUMN "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE "JobTracks" ALTER COLUMN "Version" DROP DEFAULT;

ALTER TABLE "JobTrackCandidates" ADD COLUMN "Version" integer NOT NULL DEFAULT 0;
ALTER TABLE "JobTrackCandidates" ALTER COLUMN "Version" DROP DEFAULT;
