package care.securebase.kit.testing;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * How PostgreSQL read the service's tables (pg_stat_user_tables): by sequential scans or by indexes,
 * and how many rows. A test loads its tables in bulk ({@link #load}, {@link #vacuumAnalyze}), takes
 * {@link #settled} before and after calling the service, and looks at the {@link #delta}.
 */
public final class TableScans {

    /**
     * A table's counters since the database began counting: scans of each kind, and the rows they
     * read (rows of sequential scans plus index entries of index scans, index-only ones included).
     */
    public record Counts(long seqScans, long indexScans, long rowsRead) {
        Counts minus(Counts earlier) {
            return new Counts(seqScans - earlier.seqScans, indexScans - earlier.indexScans, rowsRead - earlier.rowsRead);
        }
    }

    private static final long GIVE_UP_MILLIS = 30_000;

    private TableScans() {
    }

    /** Runs a script of the test's resources (statements separated by semicolons) as one request. */
    public static void load(DataSource db, Class<?> owner, String resource) {
        String sql;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + resource);
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Loading " + resource + " failed", e);
        }
    }

    /**
     * After a bulk load, what autovacuum would do in time: the planner's statistics, the visibility map
     * (index-only scans) and GIN's pending entries merged into the index.
     */
    public static void vacuumAnalyze(DataSource db, Collection<String> tables) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("vacuum (analyze) " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("VACUUM failed", e);
        }
    }

    /**
     * The counters of {@code tables} once every backend of the pool has reported its work. A backend hands
     * its counts in at most once a second, and when it is idle up to 10 s later; it hands them all in when
     * it ends. So the pool's connections are closed (those in use once they are returned) and their
     * backends waited for. A backend idle for longer than that has handed its counts in already: one
     * an earlier application of the same test JVM left open (a connection it never returned) is not
     * waited for.
     */
    public static Map<String, Counts> settled(AgroalDataSource db, Collection<String> tables) {
        List<Integer> backends = List.copyOf(otherBackends(db).keySet());
        db.flush(AgroalDataSource.FlushMode.GRACEFUL);
        long start = System.currentTimeMillis();
        Map<Integer, String> left;
        do {
            sleep(100);
            left = otherBackends(db);
            left.keySet().retainAll(backends);
            left.values().removeIf(state -> state.equals("reported"));
            if (!left.isEmpty() && System.currentTimeMillis() - start > GIVE_UP_MILLIS) {
                throw new IllegalStateException("Backends of the database did not end within "
                        + GIVE_UP_MILLIS / 1000 + " s (pid=state): " + left + "; something else is using it");
            }
        } while (!left.isEmpty());
        return read(db, tables);
    }

    /** The other backends of this database and user, by pid: their state, or "reported" when idle over 11 s. */
    private static Map<Integer, String> otherBackends(DataSource db) {
        Map<Integer, String> pids = new TreeMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select pid, case when state = 'idle' and state_change < now() - interval '11 seconds'
                                      then 'reported' else coalesce(state, '?') end
                     from pg_stat_activity where datname = current_database() and usename = current_user
                     and backend_type = 'client backend' and pid <> pg_backend_pid()""")) {
            while (rs.next()) {
                pids.put(rs.getInt(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading pg_stat_activity failed", e);
        }
        return pids;
    }

    /** What happened between two readings, per table. */
    public static Map<String, Counts> delta(Map<String, Counts> before, Map<String, Counts> after) {
        Map<String, Counts> delta = new TreeMap<>();
        after.forEach((table, counts) -> delta.put(table, counts.minus(before.getOrDefault(table, new Counts(0, 0, 0)))));
        return delta;
    }

    /** The tables read by sequential scans, and how often. */
    public static Map<String, Long> sequentiallyScanned(Map<String, Counts> delta) {
        return where(delta, Counts::seqScans, 0);
    }

    /** The tables of which more than {@code limit} rows per round were read, and how many. */
    public static Map<String, Long> readBeyond(Map<String, Counts> delta, int rounds, long limit) {
        return where(delta, c -> c.rowsRead() / rounds, limit);
    }

    private static Map<String, Long> where(Map<String, Counts> delta, ToLongFunction<Counts> figure, long limit) {
        Map<String, Long> found = new TreeMap<>();
        delta.forEach((table, counts) -> {
            if (figure.applyAsLong(counts) > limit) {
                found.put(table, figure.applyAsLong(counts));
            }
        });
        return found;
    }

    static Map<String, Counts> read(DataSource db, Collection<String> tables) {
        try (Connection c = db.getConnection()) {
            // Each statement outside a transaction sees fresh counters; clear any snapshot kept anyway.
            try (Statement s = c.createStatement()) {
                s.execute("select pg_stat_clear_snapshot()");
            }
            Map<String, Counts> counts = new TreeMap<>();
            try (PreparedStatement q = c.prepareStatement("""
                    select t.relname, coalesce(t.seq_scan, 0), coalesce(t.idx_scan, 0),
                           coalesce(t.seq_tup_read, 0) + coalesce((select sum(i.idx_tup_read) from pg_stat_user_indexes i
                                                                   where i.relid = t.relid), 0)
                    from pg_stat_user_tables t
                    where t.schemaname = current_schema() and t.relname = any (?)""")) {
                q.setArray(1, c.createArrayOf("text", tables.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            if (counts.size() != tables.size()) {
                throw new IllegalStateException("No statistics for some of " + tables + "; found " + counts.keySet());
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading pg_stat_user_tables failed", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
