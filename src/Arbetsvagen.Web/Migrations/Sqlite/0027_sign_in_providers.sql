-- 0027: federated sign-in (issue 12 §6, ADR 0024): an organisation's OpenID Connect identity provider, and the id
-- (HSA-id or subject) that an administrator links to a user for it.

ALTER TABLE "AspNetUsers" ADD COLUMN "ExternalId" TEXT NULL;

CREATE INDEX "IX_AspNetUsers_ExternalId" ON "AspNetUsers" ("ExternalId");

CREATE TABLE "SignInProviders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SignInProviders" PRIMARY KEY,
    "OrganisationId" TEXT NOT NULL,
    "Authority" TEXT NOT NULL,
    "ClientId" TEXT NOT NULL,
    "ProtectedClientSecret" TEXT NULL,
    "UserClaim" TEXT NOT NULL,
    "ClaimType" TEXT NOT NULL,
    "IsEnabled" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "UpdatedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_SignInProviders_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_SignInProviders_OrganisationId" ON "SignInProviders" ("OrganisationId");
