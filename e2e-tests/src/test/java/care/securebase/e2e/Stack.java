package care.securebase.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the four packaged services and the staff portal once per test run, on their own ports
 * (18080-18084), databases (wiped at start) and topics (a prefix per run), so a stack started by
 * {@code ./clinic up} is left alone.
 * The servers themselves (PostgreSQL, Kafka, Keycloak, GreenMail) are the ones ./clinic runs; the
 * applications' spans go to the run's {@link SpanReceiver}.
 */
public class Stack implements BeforeAllCallback {

    public static final String PG_PORT = env("CLINIC_PG_PORT", "5433");
    public static final String KAFKA_PORT = env("CLINIC_KAFKA_PORT", "9092");
    public static final String KEYCLOAK_PORT = env("CLINIC_KEYCLOAK_PORT", "8180");
    public static final String SMTP_PORT = env("CLINIC_SMTP_PORT", "3025");
    public static final String MAIL_API = "http://localhost:" + env("CLINIC_MAIL_API_PORT", "8025");
    public static final String TOPIC_PREFIX = "e2e-" + System.currentTimeMillis() + "-";

    public static final Service INTAKE = new Service("intake-service", 18081, "intake");
    public static final Service SESSIONS = new Service("sessions-service", 18082, "sessions");
    public static final Service REFERRALS = new Service("referrals-service", 18083, "referrals");
    public static final Service NOTIFICATIONS = new Service("notifications-service", 18084, "notifications");
    /** The web front end, signing in with Keycloak (the realm's staff-portal client allows this port). */
    public static final Service PORTAL = new Service("staff-portal", 18080, null);
    static final List<Service> ALL = List.of(INTAKE, SESSIONS, REFERRALS, NOTIFICATIONS, PORTAL);
    /** The service started with JSON log lines, as the cluster overlays run every application. */
    static final Service JSON_LOGS = NOTIFICATIONS;

    /** @param db the service's database name, or null for the portal, which has none */
    public record Service(String module, int port, String db) {
        public String url() {
            return "http://localhost:" + port;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
    }

    /** The child processes; JUnit closes this once, after the last test class. */
    static final class Running implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final List<Process> processes = new ArrayList<>();

        static Running start() {
            Running running = new Running();
            try {
                Path root = Path.of(System.getProperty("securebase.root", ".."));
                Path logs = root.resolve("e2e-tests/target/e2e-logs");
                Files.createDirectories(logs);
                for (Service service : ALL) {
                    running.processes.add(launch(root, logs, service));
                }
                for (Service service : ALL) {
                    awaitReady(service, logs);
                }
            } catch (Exception e) {
                running.close();
                throw new IllegalStateException("The services did not start: " + e.getMessage(), e);
            }
            return running;
        }

        private static Process launch(Path root, Path logs, Service service) throws IOException {
            return launch(root, service.module(), service.db() == null ? portalConfig() : config(service),
                    logs.resolve(service.module() + ".log"));
        }

        private static Process launch(Path root, String module, Map<String, String> config, Path log) throws IOException {
            Path jar = root.resolve(module + "/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing; package the services first");
            }
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(config);
            return builder.start();
        }

        /**
         * One more portal on its own port, configured like the stack's but for {@code overrides}: a second
         * replica, as behind a load balancer. The caller stops it.
         */
        static Process extraPortal(int port, Map<String, String> overrides) throws Exception {
            Path root = Path.of(System.getProperty("securebase.root", ".."));
            Path logs = root.resolve("e2e-tests/target/e2e-logs");
            Map<String, String> config = portalConfig();
            config.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            config.putAll(overrides);
            Service portal = new Service("staff-portal", port, null);
            Process process = launch(root, portal.module(), config, logs.resolve("staff-portal-" + port + ".log"));
            try {
                awaitReady(portal, logs);
            } catch (Exception e) {
                process.destroyForcibly();
                throw e;
            }
            return process;
        }

        static Map<String, String> config(Service service) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
            env.put("QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://localhost:" + PG_PORT + "/" + service.db() + "_e2e");
            env.put("QUARKUS_DATASOURCE_USERNAME", service.db());
            env.put("QUARKUS_DATASOURCE_PASSWORD", service.db());
            env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
            env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + KAFKA_PORT);
            env.put("SECUREBASE_TOPIC_PREFIX", TOPIC_PREFIX);
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:" + KEYCLOAK_PORT + "/realms/securebase");
            env.put("QUARKUS_MAILER_HOST", "localhost");
            env.put("QUARKUS_MAILER_PORT", SMTP_PORT);
            env.put("SECUREBASE_REMINDERS_POLL_INTERVAL", "1s");
            env.put("SECUREBASE_CHECK_INS_POLL_INTERVAL", "1s");
            if (service.equals(NOTIFICATIONS)) {
                // Client links open this run's portal, not the one ./clinic up runs on 8080.
                env.put("SECUREBASE_LINKS_BASE_URL", PORTAL.url());
            }
            // The matrix and the corpus send hundreds of requests to /links/... from this one address;
            // sessions-service's CheckInResourceTest checks the allowance itself.
            env.put("SECUREBASE_LINKS_RATE_LIMIT_REQUESTS", "100000");
            env.putAll(tracing());
            if (service.equals(JSON_LOGS)) {
                // One service logs as in a cluster (JsonLogsIT reads it; LeakIT searches it like the others).
                env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
            }
            return env;
        }

        /** The portal calls the e2e services with the signed-in user's token; always on "localhost". */
        static Map<String, String> portalConfig() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(PORTAL.port()));
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:" + KEYCLOAK_PORT + "/realms/securebase");
            env.put("SECUREBASE_SERVICES_INTAKE_URL", INTAKE.url());
            env.put("SECUREBASE_SERVICES_SESSIONS_URL", SESSIONS.url());
            env.put("SECUREBASE_SERVICES_REFERRALS_URL", REFERRALS.url());
            env.put("SECUREBASE_SERVICES_NOTIFICATIONS_URL", NOTIFICATIONS.url());
            env.putAll(tracing());
            return env;
        }

        /** Spans to the run's receiver, in batches a fifth of a second apart rather than five seconds. */
        static Map<String, String> tracing() {
            return Map.of("SECUREBASE_TRACING_ZIPKIN_ENDPOINT", SpanReceiver.get().endpoint(),
                    "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        }

        private static void awaitReady(Service service, Path logs) throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException(service.module() + " not ready after 120 s; see "
                    + logs.resolve(service.module() + ".log"));
        }

        @Override
        public void close() {
            processes.forEach(Process::destroy);
            SpanReceiver.get().stop();
            for (Process process : processes) {
                try {
                    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
