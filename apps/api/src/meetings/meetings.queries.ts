// The meetings feature's SQL.

/** The meeting's state, locked against a concurrent change until the transaction ends (PostgreSQL only). */
export const MEETING_STATE_FOR_SHARE = 'SELECT state FROM meeting WHERE id = $1 FOR SHARE';
