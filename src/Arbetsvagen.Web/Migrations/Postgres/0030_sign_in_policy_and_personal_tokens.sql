-- 0030: password sign-in refused beside an organisation's identity provider, with administrators' reserve accounts
-- (break glass), and personal API tokens stored only as their SHA-256 hash (issue 12 §6, ADR 0028).

CREATE TABLE "PasswordSignInExceptions" (
    "UserId" uuid NOT NULL,
    "GrantedByUserId" uuid NOT NULL,
    "GrantedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PasswordSignInExceptions" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_PasswordSignInExceptions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PersonalApiTokens" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "TokenHash" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "RevokedAt" timestamp with time zone,
    "LastUsedAt" timestamp with time zone,
    CONSTRAINT "PK_PersonalApiTokens" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PersonalApiTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_PersonalApiTokens_TokenHash" ON "PersonalApiTokens" ("TokenHash");
CREATE INDEX "IX_PersonalApiTokens_UserId" ON "PersonalApiTokens" ("UserId");
