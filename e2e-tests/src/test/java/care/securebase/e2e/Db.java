package care.securebase.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a service's e2e database holds, table by table: the row count and a digest of the rows, so a
 * refused request that wrote anything (a row added, changed or removed) shows. The outbox and inbox are
 * counted only: the relay marks outbox rows published in the background.
 */
final class Db implements AutoCloseable {

    private static final List<String> COUNTED_ONLY = List.of("outbox_event", "processed_event");

    private final String service;
    private final Connection connection;
    private final String snapshotSql;

    Db(Stack.Service service) {
        this.service = service.db();
        try {
            connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + Stack.PG_PORT + "/"
                    + service.db() + "_e2e", service.db(), service.db());
            List<String> tables = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("select table_name from information_schema.tables "
                         + "where table_schema = 'public' and table_type = 'BASE TABLE' "
                         + "and table_name <> 'flyway_schema_history' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            List<String> parts = new ArrayList<>();
            for (String table : tables) {
                String digest = COUNTED_ONLY.contains(table) ? "''"
                        : "coalesce(md5(string_agg(t::text, '|' order by t::text)), '')";
                parts.add("select '" + table + "', count(*), " + digest + " from \"" + table + "\" t");
            }
            snapshotSql = String.join(" union all ", parts);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + service.db() + "_e2e: " + e.getMessage(), e);
        }
    }

    /** Table name -> "rows:digest". */
    Map<String, String> snapshot() {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(snapshotSql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2) + ":" + rs.getString(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The tables whose rows differ between two snapshots, with their counts before and after. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        before.forEach((table, state) -> {
            String now = after.get(table);
            if (!Objects.equals(state, now)) {
                out.add(table + " " + state.split(":")[0] + "->" + (now == null ? "?" : now.split(":")[0]) + " rows");
            }
        });
        return out;
    }

    /** Waits (up to the limit) until nothing changes for a second: background work has settled. */
    Map<String, String> quiet(long limitMillis) {
        long deadline = System.currentTimeMillis() + limitMillis;
        Map<String, String> last = snapshot();
        while (System.currentTimeMillis() < deadline) {
            sleep(1000);
            Map<String, String> now = snapshot();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    String service() {
        return service;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
