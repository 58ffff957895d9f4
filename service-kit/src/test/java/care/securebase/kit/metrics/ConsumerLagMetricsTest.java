package care.securebase.kit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.kit.testing.TestKafka;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The lag figure against the real broker: what a group has not committed, per topic. */
class ConsumerLagMetricsTest {

    @Test
    void lagIsWhatTheGroupHasNotCommitted() throws Exception {
        String topic = "test-lag-" + UUID.randomUUID();
        String group = "test-lag-group-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, "k", "v" + i)).get();
                }
                for (int i = 0; i < 2; i++) {
                    producer.send(new ProducerRecord<>(topic, 1, "k", "w" + i)).get();
                }
            }
            // Never committed: everything kept counts.
            assertEquals(7, ConsumerLagMetrics.lag(admin, group, topic));

            Properties consumer = new Properties();
            consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap());
            consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumer)) {
                c.assign(List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)));
                c.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(3),
                        new TopicPartition(topic, 1), new OffsetAndMetadata(2)));
            }
            assertEquals(2, ConsumerLagMetrics.lag(admin, group, topic));
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }

    @Test
    void subscriptionsAreTheKafkaChannelsWithTheirTopicAndGroup() {
        var config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "quarkus.application.name", "some-service",
                "mp.messaging.incoming.intake-events.connector", "smallrye-kafka",
                "mp.messaging.incoming.intake-events.topic", "test-intake-events",
                "mp.messaging.incoming.intake-events.group.id", "some-group",
                "mp.messaging.incoming.sessions-events.connector", "smallrye-kafka",
                "mp.messaging.incoming.elsewhere.connector", "smallrye-in-memory",
                "mp.messaging.outgoing.outbox.connector", "smallrye-kafka"), "test", 100)).build();
        assertEquals(List.of(new ConsumerLagMetrics.Subscription("some-group", "test-intake-events"),
                        new ConsumerLagMetrics.Subscription("some-service", "sessions-events")),
                ConsumerLagMetrics.subscriptions(config));
    }
}
