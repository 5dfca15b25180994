-- A claim is now a lease on a pending row (claimedBy, claimedAt), not a status of its own.
-- A pending row's leftover claim (from before a retry) is cleared first, so that it is due at
-- its attempt time; then rows claimed now stay claimed, as pending rows with their lease.
UPDATE "Reminder" SET "claimedBy" = NULL, "claimedAt" = NULL WHERE "status" = 'pending';
UPDATE "Reminder" SET "status" = 'pending' WHERE "status" = 'claimed';
