-- 0016: job tracks and their candidates carry a version, raised by every stage move (and edit of the track), so that
-- of two simultaneous moves from the same version only the first is saved (a concurrency token). Existing rows start at 0.

ALTER TABLE "JobTracks" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "JobTrackCandidates" ADD COLUMN "Version" INTEGER NOT NULL DEFAULT 0;
