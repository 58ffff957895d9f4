package care.securebase.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JSON log switch (QUARKUS_LOG_CONSOLE_JSON_ENABLED=true, as ./clinic's CLINIC_LOG_FORMAT=json and the
 * cluster's securebase-logging ConfigMap set it): the service the Stack starts that way wrote only JSON
 * objects, one per line, with the fields a log collector indexes, through the whole clinic path; a line
 * written while handling an event carries the trace's ids.
 */
@ExtendWith(Stack.class)
class JsonLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsOneJsonObjectWithTimeLevelLoggerAndMessage() throws Exception {
        Fixture.get();
        Path log = Path.of(System.getProperty("securebase.root", ".."), "e2e-tests/target/e2e-logs",
                Stack.JSON_LOGS.module() + ".log");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        List<String> problems = new ArrayList<>();
        int ours = 0;
        int traced = 0;
        for (String line : lines) {
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (Exception e) {
                problems.add("not JSON: " + line);
                continue;
            }
            if (!record.isObject()) {
                problems.add("not an object: " + line);
                continue;
            }
            for (String field : List.of("timestamp", "level", "loggerName", "message")) {
                if (!record.hasNonNull(field)) {
                    problems.add("no " + field + ": " + line);
                }
            }
            if (record.has("mdc") && !record.get("mdc").isObject()) {
                problems.add("mdc is not an object: " + line);
            }
            if (record.path("loggerName").asText().startsWith("care.securebase.")) {
                ours++;
                JsonNode mdc = record.path("mdc");
                if (mdc.path("traceId").asText().matches("[0-9a-f]{32}") && mdc.path("spanId").asText().matches("[0-9a-f]{16}")) {
                    traced++;
                }
            }
        }
        System.out.printf("JSON logs: %s wrote %d lines, %d of them SecureBase's own (%d with trace and span ids),"
                + " every one a JSON object: %s%n", Stack.JSON_LOGS.module(), lines.size(), ours, traced, problems.isEmpty());
        assertTrue(lines.size() >= 20, "the service logged its start and the path: " + lines.size() + " lines");
        assertTrue(ours > 0, "SecureBase's own log lines are among them");
        // What it logs while handling an event or mailing (a staff notice on the clinic path) is in a trace.
        assertTrue(traced > 0, "SecureBase's lines written within a span carry its traceId and spanId");
        assertEquals(List.of(), problems.stream().limit(20).toList(), problems.size() + " bad lines");
    }
}
