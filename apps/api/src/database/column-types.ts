// Column types differ between the drivers; the driver is fixed for the life of the process.
const postgres = /^postgres(ql)?:\/\//.test(process.env['DATABASE_URL'] ?? '');

/** An instant in time. */
export const TIMESTAMP = postgres ? 'timestamptz' : 'datetime';
