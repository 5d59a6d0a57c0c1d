/**
 * The project every row belongs to. The schema has a `projects` table (migration 0001) so that a
 * later version can hold several; today there is one, and this is its id.
 */
export const PROJECT_ID = 1;

/** SQLite's current time as the stores write it: ISO 8601 with milliseconds, UTC. */
export const NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
