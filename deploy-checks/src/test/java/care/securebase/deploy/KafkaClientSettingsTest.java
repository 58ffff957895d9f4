package care.securebase.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.deploy.Manifests.K8sObject;
import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.runtime.ApplicationConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services need no Kafka settings of their own for TLS and SCRAM: Quarkus' own producer of the
 * Kafka client configuration (quarkus-kafka-client, the version the services run) turns the
 * production overlay's KAFKA_* variables into the client's settings, over each service's
 * application.properties.
 */
class KafkaClientSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";";

    @ParameterizedTest
    @ValueSource(strings = {"intake-service", "sessions-service", "referrals-service", "notifications-service"})
    void theOverlaysKafkaVariablesReachTheKafkaClient(String module) throws IOException {
        List<K8sObject> production = Manifests.render("production");
        Map<String, String> env = new HashMap<>();
        production.stream().filter(o -> o.kind().equals("ConfigMap") && o.name().equals("securebase-kafka"))
                .forEach(o -> o.node().path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
        env.put("KAFKA_SASL_JAAS_CONFIG", JAAS);
        Properties properties = new Properties();
        properties.load(new StringReader(Manifests.read(Manifests.ROOT.resolve(module).resolve("src/main/resources/application.properties"))));
        Map<String, String> props = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> props.put(k, properties.getProperty(k)));

        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(env, 300), new PropertiesConfigSource(props, "application.properties", 250))
                .build();
        Map<String, Object> kafka = new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, application(module));

        assertEquals("securebase-kafka-bootstrap:9093", kafka.get("bootstrap.servers"));
        assertEquals("SASL_SSL", kafka.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", kafka.get("sasl.mechanism"));
        assertEquals(JAAS, kafka.get("sasl.jaas.config"));
        assertEquals("PEM", kafka.get("ssl.truststore.type"));
        assertEquals("/etc/securebase/kafka-ca/ca.crt", kafka.get("ssl.truststore.location"));
    }

    private static ApplicationConfig application(String name) {
        return new ApplicationConfig() {
            @Override
            public Optional<String> name() {
                return Optional.of(name);
            }

            @Override
            public Optional<String> version() {
                return Optional.empty();
            }

            @Override
            public Optional<String> uiHeader() {
                return Optional.empty();
            }
        };
    }
}
