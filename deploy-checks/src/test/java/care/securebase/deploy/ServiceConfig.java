package care.securebase.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What one application reads, from its own sources: the keys of its application.properties (and
 * service-kit's defaults when it uses service-kit), the ${NAME} placeholders in their values, its
 * {@code @ConfigMapping} prefixes and {@code @ConfigProperty} names, the Kafka topics it consumes and
 * produces and its consumer groups.
 */
final class ServiceConfig {

    /**
     * Quarkus settings a cluster needs that no application.properties of ours mentions, by the
     * extension that reads them. Kept short on purpose: each entry is a deployment concern.
     */
    static final Map<String, String> QUARKUS_RUNTIME_PREFIXES = Map.of(
            // Behind an ingress controller: scheme and host from X-Forwarded-* (any Quarkus REST app).
            "quarkus.http.proxy.", "quarkus-rest",
            // A real mail relay: credentials and STARTTLS.
            "quarkus.mailer.", "quarkus-mailer");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");
    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_LOOKUP = Pattern.compile("getOptionalValue\\(\"([^\"]+)\"");
    /** Events go out through the outbox, constructed in the call (checked: no other form is in use). */
    private static final Pattern PUBLISH = Pattern.compile("outbox\\.publish\\(");
    private static final Pattern NEW_EVENT = Pattern.compile("outbox\\.publish\\(\\s*new ([A-Z][A-Za-z]+)\\(");
    private static final Pattern EVENT_TYPE = Pattern.compile("\\(\"[a-z-]+\",\\s*Topics\\.([A-Z]+),\\s*([A-Za-z]+)\\.class");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("String ([A-Z]+) = \"([a-z-]+)\"");

    final String module;
    final String pom;
    final Map<String, String> properties = new TreeMap<>();
    final Set<String> placeholders = new TreeSet<>();
    final Set<String> prefixes = new TreeSet<>();
    final Set<String> consumedTopics = new TreeSet<>();
    final Set<String> producedTopics = new TreeSet<>();
    final Set<String> groups = new TreeSet<>();
    /** The HTTP paths its own code serves (not Quarkus' /q endpoints). */
    final List<ServedPaths.Served> served;

    private ServiceConfig(String module) {
        this.module = module;
        Path dir = Manifests.ROOT.resolve(module);
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("no module " + module + " in " + Manifests.ROOT);
        }
        pom = Manifests.read(dir.resolve("pom.xml"));
        boolean serviceKit = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom).results()
                .map(m -> m.group(1))
                .anyMatch(dep -> dep.contains("<artifactId>service-kit</artifactId>") && !dep.contains("test-jar"));
        load(dir);
        if (serviceKit) {
            load(Manifests.ROOT.resolve("service-kit"));
        }
        properties.forEach((key, value) -> {
            Matcher m = PLACEHOLDER.matcher(value);
            while (m.find()) {
                placeholders.add(m.group(1));
            }
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                consumedTopics.add(value.replaceAll("\\$\\{[^}]*}", ""));
            }
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                groups.add(value);
            }
        });
        if (serviceKit) {
            producedTopics.addAll(producedTopics(dir));
        }
        served = List.copyOf(ServedPaths.of(dir, properties));
    }

    private static final Map<String, ServiceConfig> READ = new ConcurrentHashMap<>();

    /** Read once per test run: the sources do not change while the checks run. */
    static ServiceConfig of(String module) {
        return READ.computeIfAbsent(module, ServiceConfig::new);
    }

    boolean usesKafka() {
        return properties.containsKey("kafka.bootstrap.servers");
    }

    /**
     * Why an environment variable reaches this application, or null when nothing it reads has that
     * name. Names map the MicroProfile Config way: a property's name with every character other than
     * a letter or digit as '_', upper case.
     */
    String reads(String env) {
        for (String key : properties.keySet()) {
            if (envName(key).equals(env)) {
                return "property " + key;
            }
        }
        if (placeholders.contains(env)) {
            return "placeholder ${" + env + "}";
        }
        for (String prefix : prefixes) {
            if (env.startsWith(envName(prefix) + "_")) {
                return "configuration under " + prefix;
            }
        }
        if (usesKafka() && env.startsWith("KAFKA_")) {
            // Quarkus passes every kafka.* setting, KAFKA_* variables included, to the Kafka client as
            // the lower-case dotted name (KafkaRuntimeConfigProducer); it must be a real client setting.
            String setting = env.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            if (ProducerConfig.configNames().contains(setting) || ConsumerConfig.configNames().contains(setting)) {
                return "Kafka client setting " + setting;
            }
            return null;
        }
        for (Map.Entry<String, String> allowed : QUARKUS_RUNTIME_PREFIXES.entrySet()) {
            if (env.startsWith(envName(allowed.getKey())) && pom.contains("<artifactId>" + allowed.getValue())) {
                return "Quarkus setting under " + allowed.getKey();
            }
        }
        return null;
    }

    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private void load(Path moduleDir) {
        for (String file : new String[] {"src/main/resources/application.properties",
                "src/main/resources/META-INF/microprofile-config.properties"}) {
            Path path = moduleDir.resolve(file);
            if (!Files.exists(path)) {
                continue;
            }
            Properties loaded = new Properties();
            try {
                loaded.load(new StringReader(Manifests.read(path)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            for (String key : loaded.stringPropertyNames()) {
                if (!key.startsWith("%")) {
                    properties.putIfAbsent(key, loaded.getProperty(key));
                } else {
                    String value = loaded.getProperty(key);
                    Matcher m = PLACEHOLDER.matcher(value);
                    while (m.find()) {
                        placeholders.add(m.group(1));
                    }
                }
            }
        }
        for (String source : javaSources(moduleDir)) {
            for (Pattern pattern : new Pattern[] {CONFIG_MAPPING, CONFIG_PROPERTY, CONFIG_LOOKUP}) {
                Matcher m = pattern.matcher(source);
                while (m.find()) {
                    String name = m.group(1);
                    if (pattern == CONFIG_MAPPING || name.endsWith(".")) {
                        prefixes.add(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
                    } else {
                        properties.putIfAbsent(name, "");
                    }
                }
            }
        }
    }

    /** The topics of the events this module constructs (each event type names its topic in events/). */
    private static Set<String> producedTopics(Path moduleDir) {
        Path events = Manifests.ROOT.resolve("events/src/main/java/care/securebase/events");
        Map<String, String> topicByConstant = new TreeMap<>();
        Matcher constants = TOPIC_CONSTANT.matcher(Manifests.read(events.resolve("Topics.java")));
        while (constants.find()) {
            topicByConstant.put(constants.group(1), constants.group(2));
        }
        Map<String, String> topicByEvent = new TreeMap<>();
        Matcher types = EVENT_TYPE.matcher(Manifests.read(events.resolve("EventType.java")));
        while (types.find()) {
            topicByEvent.put(types.group(2), topicByConstant.get(types.group(1)));
        }
        if (topicByEvent.isEmpty()) {
            throw new AssertionError("no event types found in events/EventType.java: has its shape changed?");
        }
        Set<String> topics = new TreeSet<>();
        for (String source : javaSources(moduleDir)) {
            Matcher m = NEW_EVENT.matcher(source);
            long published = 0;
            while (m.find()) {
                published++;
                if (!topicByEvent.containsKey(m.group(1))) {
                    throw new AssertionError(moduleDir.getFileName() + " publishes " + m.group(1) + ", which is no event type in events/EventType.java");
                }
                topics.add(topicByEvent.get(m.group(1)));
            }
            if (PUBLISH.matcher(source).results().count() != published) {
                throw new AssertionError(moduleDir.getFileName() + " calls outbox.publish(...) with something other than "
                        + "'new SomeEvent(...)'; deploy-checks cannot tell which topic it writes (ServiceConfig.producedTopics)");
            }
        }
        return topics;
    }

    private static Iterable<String> javaSources(Path moduleDir) {
        Path src = moduleDir.resolve("src/main/java");
        if (!Files.isDirectory(src)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(Manifests::read).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
