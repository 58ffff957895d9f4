package care.securebase.kit.problem;

import java.sql.SQLException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a failure means "the database is not there right now" (503, try again) rather than a bug
 * (500). Looked for anywhere in the cause chain: a flush that loses its connection arrives wrapped in
 * a RollbackException and an interceptor's ArcUndeclaredThrowableException.
 */
public final class DatabaseOutage {

    public enum Kind {
        /** Not a database outage. */
        NONE,
        /** The database could not be reached before anything was saved: nothing was written. */
        UNREACHABLE,
        /**
         * The commit itself failed without a reason the database gave (its connection went away in
         * the middle): the change may or may not have been saved.
         */
        COMMIT_OUTCOME_UNKNOWN
    }

    /**
     * PostgreSQL's own "not now" states, which the JDBC driver reports outside class 08: shutting down
     * (admin or crash), starting up or in recovery, and no free connection slot.
     */
    private static final Set<String> NOT_NOW = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        return of(failure) != Kind.NONE;
    }

    public static Kind of(Throwable failure) {
        boolean commitFailed = false;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof JDBCConnectionException) {
                return Kind.UNREACHABLE;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                // The database answered with a reason: that reason decides.
                return isOutage(sql.getSQLState()) ? Kind.UNREACHABLE : Kind.NONE;
            }
            commitFailed |= t instanceof jakarta.transaction.RollbackException && t.getCause() == null;
            if (t.getCause() == t) {
                break;
            }
        }
        // Narayana reports a one-phase commit that lost its connection as a RollbackException with no
        // cause (a failed flush or constraint would be its cause, and be decided above).
        return commitFailed ? Kind.COMMIT_OUTCOME_UNKNOWN : Kind.NONE;
    }

    static boolean isOutage(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || NOT_NOW.contains(sqlState));
    }
}
