-- 0001: the initial schema, written from the EF model (`dotnet run -- schema-script`).

CREATE TABLE "AccessLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AccessLog" PRIMARY KEY AUTOINCREMENT,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "OrganisationId" TEXT NULL,
    "Roles" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "ParticipantId" TEXT NULL,
    "ResultIds" TEXT NULL,
    "Purpose" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "Collaborations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Collaborations" PRIMARY KEY,
    "Name" TEXT NOT NULL
);

CREATE TABLE "Organisations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Organisations" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "MunicipalityCode" TEXT NULL,
    "ParentId" TEXT NULL,
    "Function" TEXT NULL,
    "OwnSecrecyBoundary" INTEGER NOT NULL,
    "SecrecyBoundaryId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Organisations_Organisations_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "DisabledAt" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CollaborationMember" (
    "CollaborationId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    CONSTRAINT "PK_CollaborationMember" PRIMARY KEY ("CollaborationId", "OrganisationId"),
    CONSTRAINT "FK_CollaborationMember_Collaborations_CollaborationId" FOREIGN KEY ("CollaborationId") REFERENCES "Collaborations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CollaborationMember_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Participants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Participants" PRIMARY KEY,
    "OwnerOrganisationId" TEXT NOT NULL,
    "IdentityKind" TEXT NOT NULL,
    "IdentityNumber" TEXT NOT NULL,
    "FirstName" TEXT NOT NULL,
    "LastName" TEXT NOT NULL,
    "SearchName" TEXT NOT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "StreetAddress" TEXT NULL,
    "PostalCode" TEXT NULL,
    "City" TEXT NULL,
    "HomeMunicipalityCode" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "DateOfBirth" TEXT NULL,
    "EducationLevel" TEXT NOT NULL,
    "SwedishLevel" TEXT NOT NULL,
    "InterpreterNeeded" INTEGER NOT NULL,
    "InterpreterLanguage" TEXT NULL,
    "DrivingLicences" TEXT NOT NULL,
    "AfStatus" TEXT NOT NULL,
    "EducationDuty" INTEGER NOT NULL,
    "IncomeSource" TEXT NOT NULL,
    "TargetGroups" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "UpdatedByUserId" TEXT NOT NULL,
    CONSTRAINT "FK_Participants_Organisations_OwnerOrganisationId" FOREIGN KEY ("OwnerOrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Consents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Consents" PRIMARY KEY,
    "ParticipantId" TEXT NOT NULL,
    "OwnerOrganisationId" TEXT NOT NULL,
    "Categories" INTEGER NOT NULL,
    "Purpose" TEXT NOT NULL,
    "GivenAt" TEXT NOT NULL,
    "Form" TEXT NOT NULL,
    "DocumentedByUserId" TEXT NOT NULL,
    "ValidUntil" TEXT NOT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawnByUserId" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Consents_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ParticipantOccupation" (
    "ParticipantId" TEXT NOT NULL,
    "Relation" TEXT NOT NULL,
    "ConceptId" TEXT NOT NULL,
    CONSTRAINT "PK_ParticipantOccupation" PRIMARY KEY ("ParticipantId", "Relation", "ConceptId"),
    CONSTRAINT "FK_ParticipantOccupation_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ParticipantSensitiveData" (
    "ParticipantId" TEXT NOT NULL CONSTRAINT "PK_ParticipantSensitiveData" PRIMARY KEY,
    "HasRegisteredDisability" INTEGER NOT NULL,
    "DisabilityDescription" TEXT NULL,
    "HealthLimitations" TEXT NULL,
    "WorkAbility" TEXT NULL,
    CONSTRAINT "FK_ParticipantSensitiveData_Participants_ParticipantId" FOREIGN KEY ("ParticipantId") REFERENCES "Participants" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ConsentRecipient" (
    "ConsentId" TEXT NOT NULL,
    "OrganisationId" TEXT NOT NULL,
    CONSTRAINT "PK_ConsentRecipient" PRIMARY KEY ("ConsentId", "OrganisationId"),
    CONSTRAINT "FK_ConsentRecipient_Consents_ConsentId" FOREIGN KEY ("ConsentId") REFERENCES "Consents" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConsentRecipient_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_AccessLog_At" ON "AccessLog" ("At");

CREATE INDEX "IX_AccessLog_ParticipantId_At" ON "AccessLog" ("ParticipantId", "At");

CREATE INDEX "IX_AccessLog_UserId_At" ON "AccessLog" ("UserId", "At");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_OrganisationId" ON "AspNetUsers" ("OrganisationId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_CollaborationMember_OrganisationId" ON "CollaborationMember" ("OrganisationId");

CREATE INDEX "IX_ConsentRecipient_OrganisationId" ON "ConsentRecipient" ("OrganisationId");

CREATE INDEX "IX_Consents_OwnerOrganisationId_ValidUntil" ON "Consents" ("OwnerOrganisationId", "ValidUntil");

CREATE INDEX "IX_Consents_ParticipantId" ON "Consents" ("ParticipantId");

CREATE INDEX "IX_Organisations_ParentId" ON "Organisations" ("ParentId");

CREATE INDEX "IX_Participants_IdentityNumber" ON "Participants" ("IdentityNumber");

CREATE UNIQUE INDEX "IX_Participants_OwnerOrganisationId_IdentityNumber" ON "Participants" ("OwnerOrganisationId", "IdentityNumber");
