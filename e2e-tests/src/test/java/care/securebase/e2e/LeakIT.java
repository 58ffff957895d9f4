package care.securebase.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clinical text never leaves the services' databases: the fixture writes a marker into every clinical
 * free text (intake, note, safety plan, treatment plan, maintenance plan, referral reason, hopes and
 * shared information, the diary and the warning sign noticed in the client's check-in) and gives
 * instrument answers; afterwards no log line of any service and no event
 * on this run's topics may carry the marker, the client's name may not be logged, and no event may carry
 * instrument answers. The spans every application exported in this run ({@link SpanReceiver}) are held
 * to more: ids and types only, so no marker, no client name and no e-mail address at all. A client's
 * link token (check-in-due, appointment-scheduled) is a credential: no log line and no span may hold one.
 */
@ExtendWith({Stack.class, Browser.class})
class LeakIT {

    /** @param links lines or spans holding a client's link token (events carry them by design) */
    record Source(String name, long scanned, long clinical, long names, long answers, long emails, long links) {
        Source(String name, long scanned, long clinical, long names, long answers) {
            this(name, scanned, clinical, names, answers, 0, 0);
        }

        boolean spans() {
            return name.startsWith("spans ");
        }
    }

    /** Anything shaped like an e-mail address: the fixture's, a partner's notice address, a clinician's. */
    /** The link tokens of this run's events: the fixture's check-in and any check-in or session the ITs made. */
    static final java.util.Set<String> LINK_TOKENS = new java.util.concurrent.ConcurrentSkipListSet<>();

    static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    @Test
    void clinicalTextReachesNoLogAndNoEvent() throws Exception {
        Fixture f = Fixture.get();
        // The check-in was answered with the marker in its diary and its noticed warning sign.
        String answers = io.restassured.RestAssured.given().auth().oauth2(care.securebase.kit.testing.Tokens.of("clara"))
                .get(Stack.SESSIONS.url() + "/check-ins/" + f.checkIn).then().statusCode(200).extract().asString();
        assertTrue(answers.contains(Fixture.CLINICAL + " diary") && answers.contains(Fixture.CLINICAL + " relapse sign"),
                "the fixture's check-in carries the marker in its diary and warning sign: " + answers);
        // A search by the client's name through the portal: the name is in the page's and the service
        // call's query string, which no span may keep.
        Browser.signIn("ingrid");
        Browser.open("/clients?q=" + Fixture.NAME);
        assertTrue(Browser.text().contains(Fixture.NAME), "the portal found the client by name");
        long started = System.nanoTime();
        // Everything the fixture caused is published before the topics are read.
        for (Stack.Service s : List.of(Stack.INTAKE, Stack.SESSIONS, Stack.REFERRALS, Stack.NOTIFICATIONS)) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> unpublished(s) == 0);
        }
        List<Source> sources = new ArrayList<>();
        sources.addAll(events());
        openEveryLink();
        Db.sleep(1000);
        sources.addAll(logs());
        sources.addAll(spans());
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        List<String> problems = new ArrayList<>();
        for (Source s : sources) {
            boolean event = s.name().startsWith("topic ");
            String unit = event ? " events" : s.spans() ? " spans" : " lines";
            if (s.clinical() > 0) {
                problems.add(s.name() + ": clinical text in " + s.clinical() + unit);
            }
            if (!event && s.names() > 0) {
                problems.add(s.name() + ": the client's name in " + s.names() + unit);
            }
            if (s.answers() > 0) {
                problems.add(s.name() + ": instrument answers in " + s.answers() + " events");
            }
            if (s.emails() > 0) {
                problems.add(s.name() + ": an e-mail address in " + s.emails() + " spans");
            }
            if (!event && s.links() > 0) {
                problems.add(s.name() + ": a client's link token in " + s.links() + unit);
            }
        }
        Report report = new Report().title("Leak check")
                .line("Markers: clinical text '" + Fixture.CLINICAL + "', client name '" + Fixture.NAME
                        + "' (client " + f.client + "). Scanned in " + seconds + " s. The name in events is "
                        + "ClientRegistered.preferredName, shared by design; in logs and spans it is a leak. "
                        + LINK_TOKENS.size() + " client link tokens from check-in-due and appointment-scheduled "
                        + "were searched for in logs and spans.")
                .line("");
        report.table(List.of("source", "lines / events / spans", "clinical marker", "client name", "'answers' in event",
                        "e-mail address in span", "link token"),
                sources.stream().map(s -> List.of(s.name(), String.valueOf(s.scanned()), String.valueOf(s.clinical()),
                        String.valueOf(s.names()), s.name().startsWith("topic ") ? String.valueOf(s.answers()) : "-",
                        s.spans() ? String.valueOf(s.emails()) : "-",
                        s.name().startsWith("topic ") ? "-" : String.valueOf(s.links())))
                        .toList());
        if (!problems.isEmpty()) {
            report.title("Leaks").line(String.join("\n", problems));
        }
        String text = report.publish("leak-check");
        assertTrue(sources.stream().filter(s -> s.name().startsWith("topic ")).mapToLong(Source::scanned).sum() > 0,
                "events were read");
        assertTrue(LINK_TOKENS.size() > 0, "the fixture's check-in link was among the events");
        for (Stack.Service service : Stack.ALL) {
            assertTrue(sources.stream().anyMatch(s -> s.name().equals("spans " + service.module()) && s.scanned() > 0),
                    "spans of " + service.module() + " were received: " + sources);
        }
        if (!problems.isEmpty()) {
            fail("Clinical content or names leaked:\n" + text);
        }
    }

    private static long unpublished(Stack.Service s) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + Stack.PG_PORT + "/" + s.db()
                + "_e2e", s.db(), s.db());
             ResultSet rs = c.createStatement().executeQuery("select count(*) from outbox_event where published_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every event on this run's topics (the services of this run write to no others), from the beginning. */
    private static List<Source> events() throws Exception {
        String bootstrap = "localhost:" + Stack.KAFKA_PORT;
        List<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith(Stack.TOPIC_PREFIX)).sorted().toList();
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Source> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                long scanned = 0;
                long clinical = 0;
                long name = 0;
                long answers = 0;
                long deadline = System.currentTimeMillis() + 30_000;
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                        && System.currentTimeMillis() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        String value = r.value() == null ? "" : r.value();
                        scanned++;
                        clinical += value.contains(Fixture.CLINICAL) || String.valueOf(r.key()).contains(Fixture.CLINICAL) ? 1 : 0;
                        name += value.contains(Fixture.NAME) ? 1 : 0;
                        answers += hasAnswers(value) ? 1 : 0;
                        collectLinkToken(value);
                    }
                }
                out.add(new Source("topic " + topic.substring(Stack.TOPIC_PREFIX.length()), scanned, clinical, name, answers));
            }
        }
        return out;
    }

    private static void collectLinkToken(String json) {
        try {
            JsonNode event = OpenApi.JSON.readTree(json);
            String type = event.path("type").asText();
            String link = event.path("data").path("link").asText("");
            if ((type.equals("check-in-due") || type.equals("appointment-scheduled")) && !link.isEmpty()) {
                LINK_TOKENS.add(link);
            }
        } catch (Exception notJson) {
            // not an event of ours: nothing to collect
        }
    }

    /**
     * Each link token is sent through the portal's page and to sessions-service (a GET uses no link), so
     * their request and client spans and any log line about them exist whichever tests ran before.
     */
    private static void openEveryLink() {
        for (String token : LINK_TOKENS) {
            for (String path : List.of("/c/", "/a/")) {
                Http.send("GET", Stack.PORTAL.url() + path + token, null, null, null);
            }
            for (String path : List.of("/links/check-ins/", "/links/appointments/")) {
                Http.send("GET", Stack.SESSIONS.url() + path + token, null, null, null);
            }
        }
    }

    /** How many of these texts hold a link token. */
    private static long withLinkToken(List<String> texts) {
        return texts.stream().filter(t -> LINK_TOKENS.stream().anyMatch(t::contains)).count();
    }

    /** An {@code answers} field anywhere in the event (payloads may be nested or held as JSON text). */
    static boolean hasAnswers(String json) {
        try {
            JsonNode node = OpenApi.JSON.readTree(json);
            return hasAnswers(node);
        } catch (Exception notJson) {
            return json.contains("\"answers\"");
        }
    }

    private static boolean hasAnswers(JsonNode node) {
        if (node.isTextual() && node.asText().trim().startsWith("{")) {
            return hasAnswers(node.asText());
        }
        if (node.isObject() && node.has("answers")) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasAnswers(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every span the applications exported, per application. Each span is searched as the JSON it
     * arrived in, so a marker in any name, tag or annotation counts.
     */
    private static List<Source> spans() {
        // The last batch leaves 200 ms after the fixture's last span ended (Stack.tracing()).
        Db.sleep(1000);
        Map<String, List<JsonNode>> byService = new java.util.TreeMap<>();
        for (JsonNode span : SpanReceiver.get().spans()) {
            byService.computeIfAbsent(SpanReceiver.service(span), k -> new ArrayList<>()).add(span);
        }
        List<Source> out = new ArrayList<>();
        byService.forEach((service, spans) -> {
            List<String> texts = spans.stream().map(JsonNode::toString).toList();
            out.add(new Source("spans " + service, texts.size(),
                    texts.stream().filter(t -> t.contains(Fixture.CLINICAL)).count(),
                    texts.stream().filter(t -> t.contains(Fixture.NAME)).count(), 0,
                    texts.stream().filter(t -> EMAIL.matcher(t).find()).count(), withLinkToken(texts)));
        });
        return out;
    }

    /** Every log file the Stack's services wrote. */
    private static List<Source> logs() throws Exception {
        Path dir = Path.of(System.getProperty("securebase.root", ".."), "e2e-tests/target/e2e-logs");
        Map<String, Source> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
                out.put(file.getFileName().toString(), new Source("log " + file.getFileName(), lines.size(),
                        lines.stream().filter(l -> l.contains(Fixture.CLINICAL)).count(),
                        lines.stream().filter(l -> l.contains(Fixture.NAME)).count(), 0, 0, withLinkToken(lines)));
            }
        }
        return new ArrayList<>(out.values());
    }
}
