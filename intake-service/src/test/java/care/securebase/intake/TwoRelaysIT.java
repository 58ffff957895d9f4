package care.securebase.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.events.EventEnvelope;
import care.securebase.kit.testing.PackagedApp;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service against one database, both relaying the same outbox. Each
 * client's consent changes are made one after another, alternately through either instance, so their
 * true order is known; the topic must carry them in that order. One instance's producer lingers
 * (a slow replica): a relay that let the other instance overtake its claimed rows would show here.
 */
class TwoRelaysIT {

    static final int CLIENTS = 4;
    static final int CHANGES_EACH = 30;
    static final String DB = "jdbc:postgresql://localhost:" + env("CLINIC_PG_PORT", "5433") + "/intake_test";

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static List<String> instance(String prefix, String group, int port, int lingerMs) {
        List<String> properties = new ArrayList<>(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + DB,
                "-Dsecurebase.topic-prefix=" + prefix,
                "-Dsecurebase.outbox.poll-interval=0.1s",
                "-Dmp.messaging.outgoing.outbox.linger.ms=" + lingerMs));
        for (String channel : List.of("sessions-events", "notifications-events")) {
            properties.add("-Dmp.messaging.incoming." + channel + ".group.id=" + group);
        }
        return properties;
    }

    static String recordConsent(int port, String clientId, boolean granted) {
        return given().baseUri("http://localhost:" + port).auth().oauth2(Tokens.of("ingrid"))
                .contentType(ContentType.JSON)
                .body(Map.of("scope", "CONTACT_SMS", "granted", granted, "formVersion", "it-1"))
                .post("/clients/" + clientId + "/consents")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void eachClientsEventsLeaveInTheOrderTheyHappened() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "it-" + run + "-";
        Path logs = Files.createDirectories(Path.of("target", "two-relays-it"));
        int[] ports = {PackagedApp.freePort(), PackagedApp.freePort()};
        try (PackagedApp app = new PackagedApp()) {
            app.start(instance(prefix, "intake-it-" + run, ports[0], 300), logs.resolve("instance-0.log"));
            app.start(instance(prefix, "intake-it-" + run, ports[1], 0), logs.resolve("instance-1.log"));
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> PackagedApp.ready(ports[0]) && PackagedApp.ready(ports[1]));

            List<String> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(given().baseUri("http://localhost:" + ports[i % 2]).auth().oauth2(Tokens.of("ingrid"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("legalName", "Relay Order " + TestClients.letters(8) + " " + (char) ('A' + i),
                                "dateOfBirth", LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20000)).toString(),
                                "email", "relay." + run + "." + i + "@example.org",
                                "preferredChannel", "EMAIL", "language", "en", "timeZone", "Europe/London"))
                        .post("/clients").then().statusCode(201).extract().<String>path("id"));
            }

            Map<String, List<String>> made = new LinkedHashMap<>();
            ExecutorService writers = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<List<String>>> done = new ArrayList<>();
                for (String client : clients) {
                    done.add(writers.submit(() -> {
                        List<String> consents = new ArrayList<>();
                        for (int k = 0; k < CHANGES_EACH; k++) {
                            consents.add(recordConsent(ports[k % 2], client, k % 2 == 0));
                        }
                        return consents;
                    }));
                }
                for (int i = 0; i < CLIENTS; i++) {
                    made.put(clients.get(i), done.get(i).get());
                }
            } finally {
                writers.shutdownNow();
            }

            List<EventEnvelope> events = TestKafka.read(prefix + "intake-events", Duration.ofSeconds(60),
                    seen -> consentIds(seen).values().stream().mapToInt(LinkedHashSet::size).sum()
                            >= CLIENTS * CHANGES_EACH);
            Map<String, LinkedHashSet<String>> published = consentIds(events);
            for (String client : clients) {
                List<String> onTopic = List.copyOf(published.getOrDefault(client, new LinkedHashSet<>()));
                assertEquals(Set.copyOf(made.get(client)), Set.copyOf(onTopic),
                        "every consent change of client " + client + " is on the topic");
                assertEquals(made.get(client), onTopic, "consent changes of client " + client
                        + " on the topic, in the order they were made (logs in " + logs.toAbsolutePath() + ")");
            }
        }
    }

    /** Per subject, the consent ids in the order the topic first carries them (a re-send may repeat one). */
    static Map<String, LinkedHashSet<String>> consentIds(List<EventEnvelope> events) {
        Map<String, LinkedHashSet<String>> bySubject = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            if ("consent-changed".equals(event.type())) {
                bySubject.computeIfAbsent(event.subject(), s -> new LinkedHashSet<>())
                        .add(event.data().get("consentId").asText());
            }
        }
        return bySubject;
    }
}
