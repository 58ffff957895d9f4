package care.securebase.notifications;

import care.securebase.events.DomainEvent;
import care.securebase.events.EventEnvelope;
import care.securebase.kit.testing.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Publishing for the end-to-end tests: every event is sent twice, as a redelivery would. */
final class Events {

    private Events() {
    }

    static EventEnvelope publishTwice(String topic, DomainEvent payload) {
        EventEnvelope envelope = EventEnvelope.wrap(payload, UUID.randomUUID(), Instant.now(), TestKafka.MAPPER);
        TestKafka.publish(topic, envelope);
        TestKafka.publish(topic, envelope);
        return envelope;
    }

    /** The consents intake records for a client who may be contacted by these channels. */
    static void consents(UUID clientId, String clinicId, String... scopes) {
        for (String scope : scopes) {
            publishTwice("test-intake-events", new care.securebase.events.ConsentChanged(clientId, clinicId,
                    UUID.randomUUID(), scope, true, Instant.now()));
        }
        // Sessions' events come on another topic: the consents must be in before reminders fall due.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        ContactConsent.count("key.clientId", clientId)) >= scopes.length);
    }

    /**
     * Every event on a topic up to its end as it is now: enough to count how often one was published, which
     * {@link TestKafka#read} (it stops at the first match) cannot.
     */
    static List<EventEnvelope> readToEnd(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 60 s");
                }
                for (var record : consumer.poll(Duration.ofMillis(250))) {
                    seen.add(EventEnvelope.parse(record.value(), TestKafka.MAPPER));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read " + topic, e);
        }
        return seen;
    }

    static String uniqueAddress(String who, String domain) {
        return who + "-" + UUID.randomUUID() + "@" + domain;
    }
}
