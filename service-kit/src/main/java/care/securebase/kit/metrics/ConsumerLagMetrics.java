package care.securebase.kit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * How far each of this service's consumer groups is behind on each topic it reads: the sum over the
 * topic's partitions of the log-end offset minus the group's committed offset, asked of the broker.
 * Unlike the Kafka client's own {@code records-lag} (the fetch position, which runs ahead of what was
 * handled, and which vanishes with the consumer) this still counts when the consumer is stuck or gone.
 */
@ApplicationScoped
public class ConsumerLagMetrics {

    private static final Logger LOG = Logger.getLogger(ConsumerLagMetrics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One consumed topic and the group that reads it. */
    record Subscription(String group, String topic) {
    }

    private final Config config;
    private final Map<String, Object> kafka;
    private final MeterRegistry registry;
    private final Map<Subscription, Double> lags = new ConcurrentHashMap<>();
    private volatile Admin admin;

    public ConsumerLagMetrics(Config config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                              MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (Subscription s : subscriptions(config)) {
            lags.put(s, Double.NaN);
            Gauge.builder("securebase.kafka.consumer.lag", lags, l -> l.getOrDefault(s, Double.NaN))
                    .description("Records on the topic not yet handled by the group (log end minus committed offset)")
                    .tag("group", s.group()).tag("topic", s.topic())
                    .baseUnit("records").strongReference(true).register(registry);
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    @Scheduled(identity = "securebase-consumer-lag-metrics", every = "${securebase.metrics.refresh-interval:15s}",
            delay = 2, delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (lags.isEmpty()) {
            return;
        }
        for (Subscription s : lags.keySet()) {
            try {
                lags.put(s, (double) lag(admin(), s.group(), s.topic()));
            } catch (Exception e) {
                // Unknown rather than a stale figure: the broker could not be asked.
                lags.put(s, Double.NaN);
                LOG.debugf("Consumer lag of %s on %s not read: %s", s.group(), s.topic(), e.getClass().getName());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Records of {@code topic} the group has not committed; a partition it never committed on counts
     * from the earliest record kept (the consumers start there: auto.offset.reset=earliest).
     */
    static long lag(Admin admin, String group, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().size();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            latest.put(tp, OffsetSpec.latest());
            if (committed.get(tp) == null) {
                earliest.put(tp, OffsetSpec.earliest());
            }
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = earliest.isEmpty() ? Map.of()
                : admin.listOffsets(earliest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        long lag = 0;
        for (TopicPartition tp : latest.keySet()) {
            OffsetAndMetadata done = committed.get(tp);
            long from = done != null ? done.offset() : starts.get(tp).offset();
            lag += Math.max(0, ends.get(tp).offset() - from);
        }
        return lag;
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new LinkedHashMap<>();
            // The service's own Kafka settings (bootstrap, TLS, SASL), as far as an admin client takes them.
            kafka.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, config.getOptionalValue("quarkus.application.name", String.class)
                    .orElse("securebase") + "-consumer-lag");
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            admin = Admin.create(settings);
        }
        return admin;
    }

    /** The Kafka channels this service consumes, with their topic and group as configured. */
    static List<Subscription> subscriptions(Config config) {
        String prefix = "mp.messaging.incoming.";
        return StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(prefix) && name.endsWith(".connector"))
                .filter(name -> "smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse("")))
                .map(name -> name.substring(prefix.length(), name.length() - ".connector".length()))
                .distinct().sorted()
                .map(channel -> new Subscription(
                        config.getOptionalValue(prefix + channel + ".group.id", String.class)
                                .or(() -> config.getOptionalValue("quarkus.application.name", String.class))
                                .orElseThrow(),
                        config.getOptionalValue(prefix + channel + ".topic", String.class).orElse(channel)))
                .toList();
    }
}
