package care.securebase.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aDatabaseStillStartingUpIsAnOutage() {
        // What the fault suite met after a PostgreSQL restart: FATAL 57P03 during authentication,
        // which Hibernate wraps as a generic JDBC error.
        var startingUp = new GenericJDBCException("could not connect",
                new SQLException("FATAL: the database system is starting up", "57P03"));
        assertTrue(DatabaseOutage.causedBy(startingUp));
    }

    @Test
    void shutdownsAndAFullServerAreOutages() {
        assertTrue(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("crash shutdown", "57P02")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("too many clients", "53300")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("connection refused", "08001")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("connection lost", "08006")));
    }

    @Test
    void aCommitThatLostItsConnectionIsAnOutageHoweverDeeplyWrapped() {
        // ArcUndeclaredThrowableException <- RollbackException <- JDBCConnectionException, as logged.
        var lost = new JDBCConnectionException("commit", new SQLException("An I/O error occurred", "08006"));
        var rollback = new IllegalStateException("rollback", lost);
        assertTrue(DatabaseOutage.causedBy(new RuntimeException("undeclared", rollback)));
    }

    @Test
    void aCommitThatFailedWithoutAReasonHasAnUnknownOutcome() {
        // Run 3 of the fault suite: PostgreSQL stopped during the one-phase commit; Narayana threw a
        // RollbackException without a cause, and the maintenance plan had in fact been saved.
        var commit = new RuntimeException("undeclared", new jakarta.transaction.RollbackException("ARJUNA016053"));
        assertEquals(DatabaseOutage.Kind.COMMIT_OUTCOME_UNKNOWN, DatabaseOutage.of(commit));
    }

    @Test
    void aRollbackCausedByAFailedFlushIsDecidedByItsCause() {
        var lost = new jakarta.transaction.RollbackException("aborted");
        lost.initCause(new JDBCConnectionException("flush", new SQLException("I/O error", "08006")));
        assertEquals(DatabaseOutage.Kind.UNREACHABLE, DatabaseOutage.of(lost));

        var duplicate = new jakarta.transaction.RollbackException("aborted");
        duplicate.initCause(new SQLException("unique violation", "23505"));
        assertEquals(DatabaseOutage.Kind.NONE, DatabaseOutage.of(duplicate));
    }

    @Test
    void otherDatabaseErrorsAndOtherFailuresAreNot() {
        assertFalse(DatabaseOutage.causedBy(new GenericJDBCException("syntax", new SQLException("syntax error", "42601"))));
        assertFalse(DatabaseOutage.causedBy(new SQLException("unique violation", "23505")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("no state")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("bug")));
        assertFalse(DatabaseOutage.causedBy(null));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        var a = new RuntimeException("a");
        var b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseOutage.causedBy(b));
    }
}
