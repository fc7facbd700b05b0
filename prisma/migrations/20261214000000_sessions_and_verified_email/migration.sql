-- Sessions are rows now (lib/dal/auth-sessions.ts): signing out deletes one, and a user's
-- expired rows are found by user.
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- Addresses are verified before an account may claim work. Accounts from before that rule
-- keep working: they count as verified from the day they were made.
UPDATE "User" SET "emailVerified" = "createdAt" WHERE "emailVerified" IS NULL;
