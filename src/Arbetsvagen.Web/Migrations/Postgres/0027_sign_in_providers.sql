-- 0027: federated sign-in (issue 12 §6, ADR 0024): an organisation's OpenID Connect identity provider, and the id
-- (HSA-id or subject) that an administrator links to a user for it.

ALTER TABLE "AspNetUsers" ADD COLUMN "ExternalId" character varying(200);

CREATE INDEX "IX_AspNetUsers_ExternalId" ON "AspNetUsers" ("ExternalId");

CREATE TABLE "SignInProviders" (
    "Id" uuid NOT NULL,
    "OrganisationId" uuid NOT NULL,
    "Authority" character varying(500) NOT NULL,
    "ClientId" character varying(200) NOT NULL,
    "ProtectedClientSecret" character varying(4000),
    "UserClaim" character varying(20) NOT NULL,
    "ClaimType" character varying(200) NOT NULL,
    "IsEnabled" boolean NOT NULL,
    "Version" integer NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "UpdatedByUserId" uuid NOT NULL,
    CONSTRAINT "PK_SignInProviders" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_SignInProviders_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_SignInProviders_OrganisationId" ON "SignInProviders" ("OrganisationId");
