import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The fault suite's event-order check (scripts/faults.sh, scenario replicas), run with the broker's
 * own jars on the class path: {@code EventOrder bootstrap=HOST:PORT outbox=FILE[,FILE...] [prefix=P]}.
 *
 * <p>Each FILE holds outbox rows of one service (id, topic, key, type; tab-separated) in the order of
 * its outbox_event table. Every topic they name is read from the beginning, and per subject (record
 * key) the order of the events in their partition, which is the order every consumer sees, is
 * compared with the order of that subject's rows. An event the relay sent again after a crash counts
 * as a duplicate, its first copy as the event. Also checked: a client's registration before their
 * intake, an episode's opening before its maintenance plan. Prints the counts as JSON.
 */
public class EventOrder {

    /** Event types that must reach a topic in this order for one subject. */
    private static final Map<String, String[]> DOMAIN_ORDER = Map.of(
            "intake-events", new String[] {"client-registered", "intake-completed"},
            "sessions-events", new String[] {"episode-opened", "maintenance-started"});

    private record Row(String id, String topic, String key, String type) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String prefix = options.getOrDefault("prefix", "");

        // topic -> subject -> event ids in outbox order
        Map<String, Map<String, List<String>>> expected = new TreeMap<>();
        Map<String, Row> rows = new HashMap<>();
        for (String file : options.get("outbox").split(",")) {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                Row row = new Row(c[0], c[1], c[2], c[3]);
                rows.put(row.id, row);
                expected.computeIfAbsent(row.topic, t -> new TreeMap<>())
                        .computeIfAbsent(row.key, k -> new ArrayList<>()).add(row.id);
            }
        }

        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        ObjectNode perTopic = out.putObject("topics");
        ArrayNode examples = json.createArrayNode();
        Set<String> exampleSubjects = new HashSet<>();
        long events = 0, subjects = 0, outOfOrder = 0, missing = 0, duplicates = 0, pairs = 0, pairsOutOfOrder = 0;
        try (KafkaConsumer<String, String> consumer = consumer(options.get("bootstrap"))) {
            for (var topic : expected.entrySet()) {
                Set<String> seen = new HashSet<>();
                Map<String, List<Row>> onTopic = new LinkedHashMap<>();
                long topicDuplicates = 0;
                for (ConsumerRecord<String, String> record : readAll(consumer, prefix + topic.getKey())) {
                    JsonNode envelope = json.readTree(record.value());
                    Row row = rows.get(envelope.path("id").asText());
                    if (row == null) {
                        continue; // an event from before the scenario
                    }
                    if (!seen.add(row.id)) {
                        topicDuplicates++;
                        continue;
                    }
                    onTopic.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(row);
                }
                long topicEvents = 0, topicOutOfOrder = 0, topicMissing = 0;
                String[] domain = DOMAIN_ORDER.get(topic.getKey());
                for (var subject : topic.getValue().entrySet()) {
                    List<String> order = subject.getValue();
                    List<Row> got = onTopic.getOrDefault(subject.getKey(), List.of());
                    topicMissing += order.stream().filter(id -> !seen.contains(id)).count();
                    // An event out of order stands behind one that its outbox puts after it.
                    int latest = -1;
                    for (Row row : got) {
                        int rank = order.indexOf(row.id);
                        if (rank < latest) {
                            topicOutOfOrder++;
                            if (examples.size() < 5 && exampleSubjects.add(subject.getKey())) {
                                examples.add(topic.getKey() + " subject " + subject.getKey() + ": "
                                        + got.stream().map(Row::type).toList() + " on the topic, outbox order "
                                        + order.stream().map(id -> rows.get(id).type).toList());
                            }
                        }
                        latest = Math.max(latest, rank);
                    }
                    topicEvents += got.size();
                    if (domain != null) {
                        int first = indexOfType(got, domain[0]);
                        int then = indexOfType(got, domain[1]);
                        if (first >= 0 && then >= 0) {
                            pairs++;
                            if (then < first) {
                                pairsOutOfOrder++;
                                if (examples.size() < 5 && exampleSubjects.add(subject.getKey())) {
                                    examples.add(topic.getKey() + " subject " + subject.getKey() + ": " + domain[1]
                                            + " before " + domain[0]);
                                }
                            }
                        }
                    }
                }
                perTopic.putObject(topic.getKey()).put("events", topicEvents).put("subjects", topic.getValue().size())
                        .put("outOfOrder", topicOutOfOrder).put("missing", topicMissing)
                        .put("duplicates", topicDuplicates);
                events += topicEvents;
                subjects += topic.getValue().size();
                outOfOrder += topicOutOfOrder;
                missing += topicMissing;
                duplicates += topicDuplicates;
            }
        }
        out.put("events", events).put("subjects", subjects).put("outOfOrder", outOfOrder).put("missing", missing)
                .put("duplicatesOnTopic", duplicates).put("domainPairs", pairs).put("domainOutOfOrder", pairsOutOfOrder)
                .set("examples", examples);
        System.out.println(json.writeValueAsString(out));
    }

    private static int indexOfType(List<Row> rows, String type) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).type.equals(type)) {
                return i;
            }
        }
        return -1;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p);
    }

    /** Every record of the topic up to its end when reading began, partition by partition. */
    private static List<ConsumerRecord<String, String>> readAll(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end in 60 s");
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
