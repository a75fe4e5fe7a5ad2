-- 0012: a notification keeps the id of the participant it concerns (never the name), so the reader can be told
-- whom it is about when they may still see that participant. Earlier notices all link to a referral: take its participant.

ALTER TABLE "Notifications" ADD COLUMN "ParticipantId" uuid NULL;

UPDATE "Notifications" n SET "ParticipantId" = r."ParticipantId"
FROM "Referrals" r WHERE n."Link" = '/Referrals/Details/' || r."Id"::text;
