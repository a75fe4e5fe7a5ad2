-- 0030: password sign-in refused beside an organisation's identity provider, with administrators' reserve accounts
-- (break glass), and personal API tokens stored only as their SHA-256 hash (issue 12 §6, ADR 0028).

CREATE TABLE "PasswordSignInExceptions" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_PasswordSignInExceptions" PRIMARY KEY,
    "GrantedByUserId" TEXT NOT NULL,
    "GrantedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PasswordSignInExceptions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PersonalApiTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PersonalApiTokens" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL,
    CONSTRAINT "FK_PersonalApiTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_PersonalApiTokens_TokenHash" ON "PersonalApiTokens" ("TokenHash");
CREATE INDEX "IX_PersonalApiTokens_UserId" ON "PersonalApiTokens" ("UserId");
