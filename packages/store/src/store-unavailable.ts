/**
 * `isStoreUnavailable(error)`: whether an error from the store means the database cannot be
 * reached or cannot take the work right now (an outage, a restart, a full disk) rather than a
 * defect. A surface answers the first with "try again later" (HTTP 503) and the second as a
 * bug (500). Recognised by the drivers' codes, structurally, so no driver is imported.
 */

// PostgreSQL SQLSTATEs (Appendix A, "PostgreSQL Error Codes"), as pg's DatabaseError `code`.
const POSTGRES = new Set([
  // Class 08, connection exception: the connection failed or was lost. Not 08P01
  // (protocol_violation): that is a client speaking the protocol wrong, a defect.
  "08000", // connection_exception
  "08003", // connection_does_not_exist
  "08006", // connection_failure
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08004", // sqlserver_rejected_establishment_of_sqlconnection
  "08007", // transaction_resolution_unknown
  // Class 53, insufficient resources: the server is out of room for now (disk, memory,
  // connections). Not 53400 (configuration_limit_exceeded): waiting does not change a limit.
  "53000", // insufficient_resources
  "53100", // disk_full
  "53200", // out_of_memory
  "53300", // too_many_connections
  // Class 57, operator intervention: the server is shutting down, crashed, or starting up.
  // Not 57014 (query_canceled: a statement timeout or a cancel) nor 57P04 (database_dropped).
  "57P01", // admin_shutdown (also what pg_terminate_backend sends)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, or in recovery)
  "57P05", // idle_session_timeout
  "58030", // io_error: the server's disk failed it
  // A write that reached a hot standby: the primary is away (a failover under way).
  "25006", // read_only_sql_transaction
]);

// Node's system error codes (`error.code`, from libuv) for a network that does not carry
// the connection: the server is not listening, is unreachable, or hung up.
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  // The store opened once, so a name that no longer resolves is DNS failing, not a typo.
  "ENOTFOUND",
  "EAI_AGAIN",
]);

// SQLite primary result codes (sqlite.org/rescode.html). better-sqlite3's SqliteError `code`
// is the extended code's name, which starts with the primary one (`SQLITE_IOERR_WRITE`).
// Not SQLITE_CORRUPT, SQLITE_MISUSE, SQLITE_CONSTRAINT…: waiting does not mend those.
const SQLITE = [
  "SQLITE_BUSY", // another connection held the lock past the busy timeout
  "SQLITE_IOERR", // the operating system failed a read or write
  "SQLITE_FULL", // the disk is full
  "SQLITE_CANTOPEN", // the file (or its journal) cannot be opened
  "SQLITE_READONLY", // the file, or its directory, cannot be written now
  "SQLITE_NOMEM", // out of memory
  "SQLITE_PROTOCOL", // a WAL lock race that kept losing
];

// node-postgres and pg-pool report a lost or never-made connection as plain Errors with no
// code; these are their exact messages (pg/lib/client.js, pg-pool/index.js). Not "Connection
// terminated" alone: that is the store's own close.
const PG_MESSAGES = new Set([
  "Connection terminated unexpectedly",
  "Connection terminated due to connection timeout",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error and is not queryable",
]);

const codeOf = (error: object): unknown => (error as { code?: unknown }).code;

function sqliteUnavailable(code: string): boolean {
  return SQLITE.some((primary) => code === primary || code.startsWith(`${primary}_`));
}

/**
 * Whether `error` means the store is unavailable for now (the database down, restarting,
 * unreachable, locked past the busy timeout, out of disk), so the same request may succeed
 * later; false for anything else, which is a bug.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = codeOf(error);
  if (typeof code === "string") {
    if (POSTGRES.has(code) || NETWORK.has(code) || sqliteUnavailable(code)) return true;
  }
  // Connecting to a host with several addresses fails with every attempt's error together.
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.every(isStoreUnavailable);
  }
  return error instanceof Error && PG_MESSAGES.has(error.message);
}
