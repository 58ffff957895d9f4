package care.securebase.notifications;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.ClientRegistered;
import care.securebase.events.ConsentChanged;
import care.securebase.events.MaintenanceStarted;
import care.securebase.events.MaintenanceStarted.Booster;
import care.securebase.kit.testing.PackagedApp;
import care.securebase.kit.testing.TestKafka;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service (target/quarkus-app/quarkus-run.jar) against one database and
 * a topic prefix of their own; both dispatchers compete for the same due reminders, first as events
 * bring them, then as a burst of many due at once, which both claim a batch at a time. GreenMail must
 * receive exactly one message per reminder, each to a fresh address, with the reminder's Message-ID.
 */
class TwoInstancesIT {

    static final int CLIENTS = 12;
    static final int BURST = 200;
    static final String DB = "jdbc:postgresql://localhost:" + env("CLINIC_PG_PORT", "5433") + "/notifications_test";
    final PackagedApp instances = new PackagedApp();

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @AfterEach
    void stopInstances() {
        instances.close();
    }

    void start(String prefix, String group, int port, Path log) throws IOException {
        List<String> properties = new ArrayList<>(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + DB,
                "-Dsecurebase.topic-prefix=" + prefix,
                "-Dsecurebase.reminders.poll-interval=1s",
                // A send the SMTP server leaves hanging is retried soon, not after the production minute.
                "-Dquarkus.mailer.timeout=5s",
                "-Dsecurebase.delivery.retry-delay=2s",
                // The test runs at any hour; quiet hours are not what it is about.
                "-Dsecurebase.reminders.quiet-start=00:00",
                "-Dsecurebase.reminders.quiet-end=00:00"));
        for (String channel : List.of("intake-events", "sessions-events", "referrals-events")) {
            properties.add("-Dmp.messaging.incoming." + channel + ".group.id=" + group);
        }
        instances.start(properties, log);
    }

    static int consents(List<UUID> clients) throws Exception {
        try (Connection db = DriverManager.getConnection(DB, "notifications", "notifications");
             PreparedStatement q = db.prepareStatement(
                     "select count(*) from contact_consent where client_id = any (?)")) {
            q.setArray(1, db.createArrayOf("uuid", clients.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void twoInstancesSendEachReminderExactlyOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "it-" + run + "-";
        Path logs = Files.createDirectories(Path.of("target", "two-instances-it"));
        int[] ports = {PackagedApp.freePort(), PackagedApp.freePort()};
        for (int i = 0; i < 2; i++) {
            start(prefix, "notifications-it-" + run, ports[i], logs.resolve("instance-" + i + ".log"));
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> PackagedApp.ready(ports[0]) && PackagedApp.ready(ports[1]));

        List<UUID> clients = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            UUID clientId = UUID.randomUUID();
            String email = Events.uniqueAddress("twice" + i, "example.test");
            clients.add(clientId);
            addresses.add(email);
            var registered = care.securebase.events.EventEnvelope.wrap(new ClientRegistered(clientId, "itclinic",
                    "Sam", email, null, "EMAIL", "en-GB", "Europe/London"), UUID.randomUUID(), Instant.now(),
                    TestKafka.MAPPER);
            TestKafka.publish(prefix + "intake-events", registered);
            TestKafka.publish(prefix + "intake-events", registered);
            TestKafka.publish(prefix + "intake-events", new ConsentChanged(clientId, "itclinic", UUID.randomUUID(),
                    "CONTACT_EMAIL", true, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> consents(clients) == CLIENTS);
        for (UUID clientId : clients) {
            // Booster in three days: its 7-day reminder is due at once, its 1-day one in two days.
            var started = care.securebase.events.EventEnvelope.wrap(new MaintenanceStarted(UUID.randomUUID(), clientId,
                    "itclinic", "clara", List.of(new Booster(UUID.randomUUID(), Instant.now().plus(Duration.ofDays(3))))),
                    UUID.randomUUID(), Instant.now(), TestKafka.MAPPER);
            TestKafka.publish(prefix + "sessions-events", started);
            TestKafka.publish(prefix + "sessions-events", started);
        }

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> addresses.stream().allMatch(a -> !GreenMailApi.messagesFor(a).isEmpty()));
        // Several more rounds of both dispatchers must not send anything again.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> true);
        for (String address : addresses) {
            assertEquals(1, GreenMailApi.messagesFor(address).size(), "exactly one message to " + address
                    + " (logs in " + new File(logs.toString()).getAbsolutePath() + ")");
        }

        List<DueReminders.Due> burst;
        try (Connection db = DriverManager.getConnection(DB, "notifications", "notifications")) {
            burst = DueReminders.insert(db, "itclinic", IntStream.range(0, BURST)
                    .mapToObj(i -> "burst-" + run + "-" + i + "@example.test").toList());
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> burst.stream().allMatch(d -> !GreenMailApi.messagesFor(d.email()).isEmpty()));
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> true);
        for (DueReminders.Due d : burst) {
            List<GreenMailApi.Received> mails = GreenMailApi.messagesFor(d.email());
            assertEquals(1, mails.size(), "exactly one message to " + d.email()
                    + " (logs in " + new File(logs.toString()).getAbsolutePath() + ")");
            assertTrue(mails.get(0).decoded().contains("Message-ID: " + d.messageId()), d.messageId());
        }
    }
}
