package care.securebase.kit.testing;

import care.securebase.events.DomainEvent;
import care.securebase.events.EventEnvelope;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A plain Kafka client against the local broker, for tests that produce or read events directly. */
public final class TestKafka {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TestKafka() {
    }

    public static String bootstrap() {
        return "localhost:" + Tokens.env("CLINIC_KAFKA_PORT", "9092");
    }

    /** Publishes an event the way a producing service would, and returns its envelope. */
    public static EventEnvelope publish(String topic, DomainEvent payload) {
        return publish(topic, EventEnvelope.wrap(payload, UUID.randomUUID(), Instant.now(), MAPPER));
    }

    /** Publishes a given envelope (send the same one twice to test a redelivery). */
    public static EventEnvelope publish(String topic, EventEnvelope envelope) {
        return publish(topic, envelope, Map.of());
    }

    /** Publishes a given envelope with record headers (e.g. a W3C {@code traceparent}). */
    public static EventEnvelope publish(String topic, EventEnvelope envelope, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (var producer = new KafkaProducer<String, String>(props)) {
            var record = new ProducerRecord<>(topic, envelope.subject(), MAPPER.writeValueAsString(envelope));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
        return envelope;
    }

    /** Reads a topic's records, headers included, from the beginning until {@code done} holds or the time is up. */
    public static List<ConsumerRecord<String, String>> records(String topic, Duration within,
                                                               Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline && !done.test(seen)) {
                consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
            }
        }
        return seen;
    }

    /** Reads a topic from the beginning until {@code done} holds for what was read, or the time is up. */
    public static List<EventEnvelope> read(String topic, Duration within, Predicate<List<EventEnvelope>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope> seen = new ArrayList<>();
        long deadline = System.nanoTime() + within.toNanos();
        try (var consumer = new KafkaConsumer<String, String>(props)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline && !done.test(seen)) {
                for (var record : consumer.poll(Duration.ofMillis(250))) {
                    seen.add(EventEnvelope.parse(record.value(), MAPPER));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read " + topic, e);
        }
        return seen;
    }
}
