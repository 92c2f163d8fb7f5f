// The auth feature's SQL, written once for both databases.

// The session, its enabled account and the account's grants (none: one row with NULL grant columns).
export const ACTOR_OF_SESSION = `
  SELECT s."expiresAt" AS "expiresAt", a.id AS "accountId", a.username AS username, a."mustChangePassword" AS "mustChangePassword",
         g.role AS role, g."cityId" AS "cityId", g."workingGroupId" AS "workingGroupId"
    FROM session s
    JOIN account a ON a.id = s."accountId"
    LEFT JOIN role_grant g ON g."accountId" = a.id
   WHERE s."tokenHash" = :tokenHash AND s."expiresAt" > :now AND a.disabled = :disabled
   ORDER BY g.id`;
