-- Trust fixes: calendar feed tokens stored hashed (existing plain tokens are dropped: their owners make a new
-- feed link), a folded display-name key for uniqueness, and revoked session ids.
DROP INDEX "User_calendarToken_key";
ALTER TABLE "User" DROP COLUMN "calendarToken";
ALTER TABLE "User" ADD COLUMN "calendarTokenHash" TEXT;
ALTER TABLE "User" ADD COLUMN "nameKey" TEXT;
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");
CREATE UNIQUE INDEX "User_nameKey_key" ON "User"("nameKey");

-- CreateTable
CREATE TABLE "RevokedSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "RevokedSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "RevokedSession_expiresAt_idx" ON "RevokedSession"("expiresAt");
