package care.securebase.kit.problem;

import java.sql.SQLException;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a failure means "the database is not there right now" (503, try again) rather than a bug
 * (500). Found anywhere in the cause chain: a commit that loses its connection arrives wrapped in a
 * RollbackException and an interceptor's ArcUndeclaredThrowableException.
 */
public final class DatabaseOutage {

    /**
     * PostgreSQL's own "not now" states, which the JDBC driver reports outside class 08: shutting down
     * (admin or crash), starting up or in recovery, and no free connection slot.
     */
    private static final Set<String> NOT_NOW = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isOutage(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static boolean isOutage(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || NOT_NOW.contains(sqlState));
    }
}
