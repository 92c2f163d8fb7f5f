// The projects feature's SQL, written once for both databases.

// The ids of the newest `first` status updates of each working group's projects, ranked within the group.
export const LATEST_STATUS_UPDATES_BY_WORKING_GROUP = `
  SELECT ranked.id AS id, ranked."workingGroupId" AS "workingGroupId" FROM (
    SELECT su.id AS id, p."workingGroupId" AS "workingGroupId",
           ROW_NUMBER() OVER (PARTITION BY p."workingGroupId" ORDER BY su."createdAt" DESC, su.id DESC) AS position
      FROM status_update su
      JOIN project p ON p.id = su."projectId"
     WHERE p."workingGroupId" IN (:...workingGroupIds)
  ) ranked
  WHERE ranked.position <= :first`;
