package care.securebase.deploy;

import care.securebase.deploy.Manifests.K8sObject;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What a reviewer checks by hand in a rendered overlay, tying the manifests to the code they deploy:
 * configuration, Secrets, Kafka topics and ACLs, probes, pod security, availability, network policies,
 * public hosts, and (production) that nothing of the demo and no secret value is in it. Each fact
 * checked counts once in {@link #counts()}; each failure names the object and the field.
 */
final class CrossChecks {

    static final Set<String> APPLICATIONS = Set.of("intake-service", "sessions-service", "referrals-service",
            "notifications-service", "staff-portal");
    /** The container contract agreed with the images: every application listens on 8080. */
    static final int APPLICATION_PORT = 8080;
    private static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started", "livenessProbe", "/q/health/live", "readinessProbe", "/q/health/ready");
    /** Quarkus' own endpoints (health, metrics, OpenAPI, Swagger UI, Dev UI): for the cluster, never the public hosts. */
    private static final List<String> QUARKUS_PATHS = List.of("/q", "/q/health", "/q/health/ready", "/q/metrics", "/q/openapi",
            "/q/swagger-ui", "/q/dev-ui", "/q/x");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|jaas|token|credential|api.?key).*");

    private final String overlay;
    private final List<K8sObject> objects;
    private final AdminSecrets admin;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, ServiceConfig> configs = new HashMap<>();
    private String current = "";

    CrossChecks(String overlay, List<K8sObject> objects, AdminSecrets admin) {
        this.overlay = overlay;
        this.objects = objects;
        this.admin = admin;
    }

    List<String> run() {
        section("configuration", this::configuration);
        section("secrets and config maps", this::references);
        section("kafka topics and ACLs", this::kafka);
        section("probes and ports", this::probes);
        section("pod security", this::podSecurity);
        section("availability", this::availability);
        section("network policies", this::networkPolicies);
        section("public hosts", this::hosts);
        section("public paths", this::publicPaths);
        if (overlay.equals("production")) {
            section("production: no demo, no secret values", this::production);
        }
        return problems;
    }

    Map<String, Integer> counts() {
        return counts;
    }

    private void section(String name, Runnable check) {
        current = name;
        counts.put(name, 0);
        check.run();
    }

    private void check(boolean ok, String message) {
        counts.merge(current, 1, Integer::sum);
        if (!ok) {
            problems.add(message);
        }
    }

    private void configuration() {
        for (K8sObject deployment : all("Deployment")) {
            ServiceConfig config = config(deployment);
            if (config == null) {
                continue;
            }
            for (JsonNode container : containers(deployment)) {
                for (String env : envNames(container)) {
                    String why = config.reads(env);
                    check(why != null, deployment.id() + ": env " + env + " of container " + container.path("name").asText()
                            + " is read by nothing in " + config.module + " (no property, placeholder, @ConfigMapping prefix or "
                            + "Kafka client setting of that name)");
                }
            }
            boolean scraped = "true".equals(podTemplate(deployment).path("metadata").path("annotations").path("prometheus.io/scrape").asText());
            if (scraped) {
                check(config.pom.contains("<artifactId>quarkus-micrometer-registry-prometheus</artifactId>"),
                        deployment.id() + ": annotated prometheus.io/scrape but " + config.module + " serves no /q/metrics");
            }
        }
    }

    /** Secrets and ConfigMaps each object refers to, with the key where one is named. */
    private void references() {
        Map<String, Set<String>> secrets = available("Secret");
        Map<String, Set<String>> configMaps = available("ConfigMap");
        producedByOperators(secrets);
        Set<String> adminNames = new HashSet<>();
        for (AdminSecrets.Row row : admin.forOverlay(overlay)) {
            check(!secrets.containsKey(row.name()), "deploy/README.md lists Secret " + row.name() + " for an admin to create in "
                    + overlay + ", but the overlay or an operator makes it");
            secrets.put(row.name(), row.keys());
            adminNames.add(row.name());
        }
        Set<String> used = new HashSet<>();
        for (Ref ref : references(objects)) {
            Map<String, Set<String>> pool = ref.kind().equals("Secret") ? secrets : configMaps;
            used.add(ref.kind() + "/" + ref.name());
            Set<String> keys = pool.get(ref.name());
            check(keys != null, ref.from() + ": " + ref.field() + " names " + ref.kind() + " " + ref.name()
                    + ", which neither the overlay, an operator, nor deploy/README.md's list of Secrets an admin creates provides");
            if (keys != null && ref.key() != null) {
                check(keys.contains(ref.key()), ref.from() + ": " + ref.field() + " needs key " + ref.key() + " of "
                        + ref.kind() + " " + ref.name() + ", which has " + new TreeSet<>(keys));
            }
        }
        for (String name : adminNames) {
            check(used.contains("Secret/" + name), "deploy/README.md lists Secret " + name + " for " + overlay
                    + ", but nothing in the overlay uses it");
        }
        for (K8sObject cluster : all("Cluster")) {
            for (JsonNode role : cluster.node().path("spec").path("managed").path("roles")) {
                K8sObject secret = find("Secret", role.path("passwordSecret").path("name").asText());
                if (secret != null) {
                    check("kubernetes.io/basic-auth".equals(secret.node().path("type").asText())
                                    && role.path("name").asText().equals(decoded(secret, "username")),
                            secret.id() + ": the password Secret of role " + role.path("name").asText()
                                    + " must be kubernetes.io/basic-auth with username " + role.path("name").asText());
                }
            }
        }
    }

    private void kafka() {
        Map<String, K8sObject> topics = new HashMap<>();
        for (K8sObject topic : all("KafkaTopic")) {
            String name = topic.node().path("spec").path("topicName").asText(topic.name());
            topics.put(name, topic);
        }
        int brokers = all("KafkaNodePool").stream()
                .filter(p -> StreamSupport.stream(p.node().path("spec").path("roles").spliterator(), false)
                        .anyMatch(r -> r.asText().equals("broker")))
                .mapToInt(p -> p.node().path("spec").path("replicas").asInt()).sum();
        for (K8sObject topic : topics.values()) {
            int replicas = topic.node().path("spec").path("replicas").asInt();
            int minIsr = topic.node().path("spec").path("config").path("min.insync.replicas").asInt(1);
            check(replicas <= brokers, topic.id() + ": spec.replicas " + replicas + " but only " + brokers + " brokers");
            check(minIsr <= replicas, topic.id() + ": spec.config.min.insync.replicas " + minIsr + " exceeds spec.replicas " + replicas);
            if (overlay.equals("production")) {
                check(replicas >= 3 && minIsr >= 2, topic.id() + ": production keeps 3 replicas with min.insync.replicas 2, not "
                        + replicas + "/" + minIsr);
            }
            check(find("Kafka", topic.node().path("metadata").path("labels").path("strimzi.io/cluster").asText()) != null,
                    topic.id() + ": metadata.labels.strimzi.io/cluster names no Kafka in the overlay");
        }
        for (K8sObject deployment : all("Deployment")) {
            ServiceConfig config = config(deployment);
            if (config == null || !config.usesKafka()) {
                continue;
            }
            JsonNode jaas = env(deployment, "KAFKA_SASL_JAAS_CONFIG");
            String userName = jaas == null ? null : jaas.path("valueFrom").path("secretKeyRef").path("name").asText(null);
            K8sObject user = userName == null ? null : find("KafkaUser", userName);
            check(user != null, deployment.id() + ": env KAFKA_SASL_JAAS_CONFIG must come from the Secret of a KafkaUser in the overlay");
            if (user == null) {
                continue;
            }
            check(find("Kafka", user.node().path("metadata").path("labels").path("strimzi.io/cluster").asText()) != null,
                    user.id() + ": metadata.labels.strimzi.io/cluster names no Kafka in the overlay");
            JsonNode acls = user.node().path("spec").path("authorization").path("acls");
            Set<String> needed = new HashSet<>();
            for (String topic : config.consumedTopics) {
                check(topics.containsKey(topic), deployment.id() + ": " + config.module + " consumes topic " + topic + ", which has no KafkaTopic");
                check(allows(acls, "topic", topic, "Read"), user.id() + ": spec.authorization.acls gives no Read on topic " + topic
                        + ", which " + config.module + " consumes");
                needed.add("topic/" + topic);
            }
            for (String topic : config.producedTopics) {
                check(topics.containsKey(topic), deployment.id() + ": " + config.module + " produces topic " + topic + ", which has no KafkaTopic");
                check(allows(acls, "topic", topic, "Write"), user.id() + ": spec.authorization.acls gives no Write on topic " + topic
                        + ", which " + config.module + " produces");
                needed.add("topic/" + topic);
            }
            for (String group : config.groups) {
                check(allows(acls, "group", group, "Read"), user.id() + ": spec.authorization.acls gives no Read on consumer group " + group);
                needed.add("group/" + group);
            }
            for (JsonNode acl : acls) {
                if (acl.path("type").asText("allow").equals("deny")) {
                    continue;
                }
                JsonNode resource = acl.path("resource");
                String what = resource.path("type").asText() + "/" + resource.path("name").asText();
                String pattern = resource.path("patternType").asText("literal");
                check(needed.contains(what) && pattern.equals("literal"), user.id() + ": spec.authorization.acls allows " + what
                        + " (" + pattern + "), which " + config.module + " neither produces, consumes nor commits offsets for");
            }
            kafkaClientSettings(deployment);
        }
    }

    /** The services' KAFKA_* settings agree with the listener they connect to. */
    private void kafkaClientSettings(K8sObject deployment) {
        Map<String, String> settings = envValues(deployment);
        String bootstrap = settings.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
        K8sObject kafka = all("Kafka").stream().findFirst().orElse(null);
        if (kafka == null) {
            check(false, deployment.id() + ": uses Kafka but the overlay has no Kafka");
            return;
        }
        JsonNode listener = null;
        for (JsonNode l : kafka.node().path("spec").path("kafka").path("listeners")) {
            if (bootstrap.equals(kafka.name() + "-kafka-bootstrap:" + l.path("port").asInt())) {
                listener = l;
            }
        }
        check(listener != null, deployment.id() + ": KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is no listener of " + kafka.id());
        if (listener == null) {
            return;
        }
        boolean tls = listener.path("tls").asBoolean();
        String auth = listener.path("authentication").path("type").asText("");
        String protocol = (auth.isEmpty() ? "" : "SASL_") + (tls ? "SSL" : "PLAINTEXT");
        check(protocol.equals(settings.get("KAFKA_SECURITY_PROTOCOL")),
                deployment.id() + ": KAFKA_SECURITY_PROTOCOL " + settings.get("KAFKA_SECURITY_PROTOCOL") + " but listener "
                        + listener.path("name").asText() + " wants " + protocol);
        if (auth.startsWith("scram")) {
            check(auth.toUpperCase().equals(settings.get("KAFKA_SASL_MECHANISM")), deployment.id() + ": KAFKA_SASL_MECHANISM "
                    + settings.get("KAFKA_SASL_MECHANISM") + " but listener " + listener.path("name").asText() + " authenticates " + auth);
        }
        if (tls) {
            String truststore = settings.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            check(truststore != null && mountedFrom(deployment, truststore, kafka.name() + "-cluster-ca-cert"),
                    deployment.id() + ": KAFKA_SSL_TRUSTSTORE_LOCATION " + truststore + " is not a file mounted from Secret "
                            + kafka.name() + "-cluster-ca-cert");
        }
    }

    private void probes() {
        for (K8sObject deployment : all("Deployment")) {
            ServiceConfig config = config(deployment);
            for (JsonNode container : containers(deployment)) {
                Map<String, Integer> ports = new HashMap<>();
                for (JsonNode port : container.path("ports")) {
                    ports.put(port.path("name").asText(), port.path("containerPort").asInt());
                }
                check(ports.containsValue(APPLICATION_PORT), deployment.id() + ": container " + container.path("name").asText()
                        + " declares no containerPort " + APPLICATION_PORT + " (the images' port)");
                if (config != null) {
                    check(config.pom.contains("<artifactId>quarkus-smallrye-health</artifactId>"),
                            deployment.id() + ": probes /q/health but " + config.module + " has no quarkus-smallrye-health");
                }
                PROBE_PATHS.forEach((probe, path) -> {
                    JsonNode get = container.path(probe).path("httpGet");
                    check(path.equals(get.path("path").asText()), deployment.id() + ": " + probe + ".httpGet.path is '"
                            + get.path("path").asText() + "', the application serves " + path);
                    JsonNode port = get.path("port");
                    int number = port.isInt() ? port.asInt() : ports.getOrDefault(port.asText(), -1);
                    check(number == APPLICATION_PORT, deployment.id() + ": " + probe + ".httpGet.port " + port.asText()
                            + " is not the application's port " + APPLICATION_PORT);
                });
            }
            K8sObject service = find("Service", deployment.name());
            check(service != null && selects(service.node().path("spec").path("selector"), podLabels(deployment)),
                    deployment.id() + ": no Service " + deployment.name() + " selecting its pods");
            if (service != null) {
                for (JsonNode port : service.node().path("spec").path("ports")) {
                    JsonNode target = port.path("targetPort");
                    boolean ok = containers(deployment).stream().flatMap(c -> StreamSupport.stream(c.path("ports").spliterator(), false))
                            .anyMatch(p -> target.isInt() ? p.path("containerPort").asInt() == target.asInt()
                                    : p.path("name").asText().equals(target.asText()));
                    check(ok, service.id() + ": spec.ports targetPort " + target.asText() + " is no port of Deployment " + deployment.name());
                }
            }
        }
    }

    private void podSecurity() {
        for (K8sObject deployment : all("Deployment")) {
            JsonNode pod = podTemplate(deployment).path("spec");
            JsonNode podContext = pod.path("securityContext");
            check(pod.path("automountServiceAccountToken").isBoolean() && !pod.path("automountServiceAccountToken").asBoolean(),
                    deployment.id() + ": spec.template.spec.automountServiceAccountToken must be false");
            K8sObject account = find("ServiceAccount", pod.path("serviceAccountName").asText());
            check(account != null && account.node().path("automountServiceAccountToken").isBoolean()
                            && !account.node().path("automountServiceAccountToken").asBoolean(),
                    deployment.id() + ": spec.template.spec.serviceAccountName must name a ServiceAccount of the overlay with "
                            + "automountServiceAccountToken false");
            check(!pod.path("hostNetwork").asBoolean() && !pod.path("hostPID").asBoolean() && !pod.path("hostIPC").asBoolean(),
                    deployment.id() + ": shares the node's network, PID or IPC namespace");
            for (JsonNode container : containers(deployment)) {
                String where = deployment.id() + ": container " + container.path("name").asText() + " securityContext";
                JsonNode context = container.path("securityContext");
                check(context.path("runAsNonRoot").asBoolean(podContext.path("runAsNonRoot").asBoolean()),
                        where + ".runAsNonRoot must be true (here or on the pod)");
                check(context.path("runAsUser").asInt(podContext.path("runAsUser").asInt(-1)) != 0, where + ".runAsUser is 0 (root)");
                check(context.path("allowPrivilegeEscalation").isBoolean() && !context.path("allowPrivilegeEscalation").asBoolean(),
                        where + ".allowPrivilegeEscalation must be false");
                check(!context.path("privileged").asBoolean(), where + ".privileged must not be true");
                check(context.path("readOnlyRootFilesystem").asBoolean(), where + ".readOnlyRootFilesystem must be true");
                check(StreamSupport.stream(context.path("capabilities").path("drop").spliterator(), false).anyMatch(c -> c.asText().equals("ALL"))
                                && context.path("capabilities").path("add").isEmpty(),
                        where + ".capabilities must drop ALL and add none");
                String seccomp = context.path("seccompProfile").path("type").asText(podContext.path("seccompProfile").path("type").asText());
                check(seccomp.equals("RuntimeDefault") || seccomp.equals("Localhost"), where + ".seccompProfile.type must be RuntimeDefault");
                check(emptyDirAt(deployment, container, "/tmp"), deployment.id() + ": container " + container.path("name").asText()
                        + " needs an emptyDir at /tmp (its root filesystem is read-only)");
                String image = container.path("image").asText();
                check(image.matches(".+[:@].+") && !image.endsWith(":latest"), deployment.id() + ": image " + image
                        + " is not pinned to a tag or digest (Kustomize images: in the overlay)");
                JsonNode resources = container.path("resources");
                String requested = resources.path("requests").path("memory").asText(null);
                String limit = resources.path("limits").path("memory").asText(null);
                check(requested != null && limit != null && resources.path("requests").has("cpu")
                                && bytes(limit) >= bytes(requested),
                        deployment.id() + ": container " + container.path("name").asText()
                                + " resources need requests.cpu, requests.memory and limits.memory >= requests.memory");
            }
        }
    }

    private void availability() {
        for (K8sObject deployment : all("Deployment")) {
            check(deployment.node().path("spec").path("replicas").asInt(1) >= 2, deployment.id() + ": spec.replicas below 2");
            check(!podTemplate(deployment).path("spec").path("affinity").path("podAntiAffinity").isMissingNode(),
                    deployment.id() + ": spec.template.spec.affinity.podAntiAffinity is missing (two replicas could share a node)");
            Map<String, String> labels = podLabels(deployment);
            check(all("PodDisruptionBudget").stream().anyMatch(p -> selects(p.node().path("spec").path("selector").path("matchLabels"), labels)),
                    deployment.id() + ": no PodDisruptionBudget selects its pods");
            K8sObject hpa = all("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.node().path("spec").path("scaleTargetRef").path("name").asText().equals(deployment.name())
                            && h.node().path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment"))
                    .findFirst().orElse(null);
            check(hpa != null && hpa.apiVersion().equals("autoscaling/v2") && hpa.node().path("spec").path("minReplicas").asInt(1) >= 2,
                    deployment.id() + ": needs an autoscaling/v2 HorizontalPodAutoscaler with minReplicas >= 2");
        }
    }

    private void networkPolicies() {
        List<K8sObject> policies = all("NetworkPolicy");
        check(policies.stream().anyMatch(p -> p.node().path("spec").path("podSelector").isEmpty()
                        && types(p).containsAll(Set.of("Ingress", "Egress"))
                        && p.node().path("spec").path("ingress").isEmpty() && p.node().path("spec").path("egress").isEmpty()),
                "NetworkPolicy (" + overlay + "): none denies all ingress and egress to every pod (podSelector {}, no rules)");
        check(policies.stream().anyMatch(p -> p.node().path("spec").path("podSelector").isEmpty()
                        && StreamSupport.stream(p.node().path("spec").path("egress").spliterator(), false)
                        .anyMatch(rule -> StreamSupport.stream(rule.path("ports").spliterator(), false)
                                .anyMatch(port -> port.path("port").asInt() == 53 && port.path("protocol").asText("TCP").equals("UDP")))),
                "NetworkPolicy (" + overlay + "): no policy lets every pod reach DNS (UDP 53), so no name would resolve");
        for (K8sObject deployment : all("Deployment")) {
            Map<String, String> labels = podLabels(deployment);
            for (String direction : List.of("ingress", "egress")) {
                check(policies.stream().anyMatch(p -> selects(p.node().path("spec").path("podSelector"), labels)
                                && !p.node().path("spec").path(direction).isEmpty()),
                        deployment.id() + ": no NetworkPolicy allows it any " + direction);
            }
        }
        Map<String, String> portal = labelsOf("staff-portal");
        Map<String, String> keycloak = Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                "app.kubernetes.io/instance", all("Keycloak").stream().map(K8sObject::name).findFirst().orElse("?"));
        for (K8sObject deployment : all("Deployment")) {
            Map<String, String> pod = podLabels(deployment);
            ServiceConfig config = config(deployment);
            if (portal != null && !deployment.name().equals("staff-portal")) {
                connection("staff-portal", portal, deployment.name(), pod, APPLICATION_PORT);
            }
            connection(deployment.name(), pod, "Keycloak", keycloak, 8080);
            if (config != null && config.usesKafka()) {
                String kafka = all("Kafka").stream().map(K8sObject::name).findFirst().orElse("?");
                check(egress(pod, Map.of("strimzi.io/cluster", kafka, "strimzi.io/kind", "Kafka"), 9093),
                        deployment.id() + ": no NetworkPolicy lets it reach the Kafka brokers on 9093");
            }
            if (config != null && config.properties.containsKey("quarkus.datasource.jdbc.url")) {
                String url = envValues(deployment).getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
                String host = url.replaceFirst("^jdbc:postgresql://([^:/]+).*", "$1");
                Map<String, String> target = all("Pooler").stream().anyMatch(p -> p.name().equals(host))
                        ? Map.of("cnpg.io/poolerName", host)
                        : Map.of("cnpg.io/cluster", host.replaceFirst("-(rw|ro|r)$", ""));
                connection(deployment.name(), pod, "PostgreSQL " + host, target, 5432);
            }
        }
        infrastructureConnections();
    }

    /** Behind the applications: the pooler to its cluster, Keycloak to its database. */
    private void infrastructureConnections() {
        for (K8sObject pooler : all("Pooler")) {
            connection(pooler.id(), Map.of("cnpg.io/poolerName", pooler.name()), "its Cluster",
                    Map.of("cnpg.io/cluster", pooler.node().path("spec").path("cluster").path("name").asText(), "cnpg.io/podRole", "instance"), 5432);
        }
        for (K8sObject keycloak : all("Keycloak")) {
            String host = keycloak.node().path("spec").path("db").path("host").asText();
            connection(keycloak.id(), Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                            "app.kubernetes.io/instance", keycloak.name()), "its database " + host,
                    Map.of("cnpg.io/cluster", host.replaceFirst("-(rw|ro|r)$", ""), "cnpg.io/podRole", "instance"), 5432);
        }
    }

    /** Both ends allow it: an egress rule of the client's policies and an ingress rule of the server's. */
    private void connection(String from, Map<String, String> fromLabels, String to, Map<String, String> toLabels, int port) {
        check(egress(fromLabels, toLabels, port), "NetworkPolicy (" + overlay + "): no egress rule lets " + from + " reach " + to + " on " + port);
        check(ingress(toLabels, fromLabels, port), "NetworkPolicy (" + overlay + "): no ingress rule lets " + to + " accept " + from + " on " + port);
    }

    private boolean egress(Map<String, String> from, Map<String, String> to, int port) {
        return rules(from, "egress", "to").stream().anyMatch(r -> peerSelects(r.peer(), to) && r.ports().test(port));
    }

    private boolean ingress(Map<String, String> to, Map<String, String> from, int port) {
        return rules(to, "ingress", "from").stream().anyMatch(r -> peerSelects(r.peer(), from) && r.ports().test(port));
    }

    private record Rule(JsonNode peer, Predicate<Integer> ports) {
    }

    private List<Rule> rules(Map<String, String> pod, String direction, String peers) {
        List<Rule> rules = new ArrayList<>();
        for (K8sObject policy : all("NetworkPolicy")) {
            if (!selects(policy.node().path("spec").path("podSelector"), pod)) {
                continue;
            }
            for (JsonNode rule : policy.node().path("spec").path(direction)) {
                JsonNode ports = rule.path("ports");
                Predicate<Integer> portTest = p -> ports.isEmpty()
                        || StreamSupport.stream(ports.spliterator(), false).anyMatch(x -> x.path("port").asInt() == p);
                if (rule.path(peers).isEmpty()) {
                    rules.add(new Rule(null, portTest));
                }
                for (JsonNode peer : rule.path(peers)) {
                    rules.add(new Rule(peer, portTest));
                }
            }
        }
        return rules;
    }

    /** A peer of the same namespace: a podSelector alone (no namespaceSelector, no ipBlock), or no peer at all. */
    private static boolean peerSelects(JsonNode peer, Map<String, String> labels) {
        return peer == null || !peer.has("namespaceSelector") && !peer.has("ipBlock") && selects(peer.path("podSelector"), labels);
    }

    private void hosts() {
        Map<String, Set<String>> ingressHostToServices = new HashMap<>();
        for (K8sObject ingress : all("Ingress")) {
            Set<String> tlsHosts = new HashSet<>();
            ingress.node().path("spec").path("tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
            for (JsonNode rule : ingress.node().path("spec").path("rules")) {
                String host = rule.path("host").asText();
                check(tlsHosts.contains(host), ingress.id() + ": host " + host + " has no spec.tls entry (plain HTTP)");
                for (JsonNode path : rule.path("http").path("paths")) {
                    String service = path.path("backend").path("service").path("name").asText();
                    ingressHostToServices.computeIfAbsent(host, h -> new HashSet<>()).add(service);
                    boolean known = find("Service", service) != null
                            || all("Keycloak").stream().anyMatch(k -> (k.name() + "-service").equals(service));
                    check(known, ingress.id() + ": backend service " + service + " is in neither the overlay nor made by an operator");
                }
            }
        }
        String portalHost = hostServing(ingressHostToServices, "staff-portal");
        for (K8sObject realm : all("KeycloakRealmImport")) {
            for (JsonNode client : realm.node().path("spec").path("realm").path("clients")) {
                if (client.path("clientId").asText().equals("staff-portal")) {
                    for (JsonNode uri : client.path("redirectUris")) {
                        check(("https://" + portalHost + "/*").equals(uri.asText()), realm.id() + ": staff-portal redirect URI "
                                + uri.asText() + " is not the portal's Ingress host " + portalHost + " (regenerate the realm import)");
                    }
                }
            }
        }
        for (K8sObject keycloak : all("Keycloak")) {
            String hostname = keycloak.node().path("spec").path("hostname").path("hostname").asText();
            String host = URI.create(hostname).getHost();
            check(hostname.startsWith("https://") && ingressHostToServices.getOrDefault(host, Set.of()).contains(keycloak.name() + "-service"),
                    keycloak.id() + ": spec.hostname.hostname " + hostname + " is not an https Ingress host of Keycloak");
        }
        Map<String, String> notifications = envValues(find("Deployment", "notifications-service"));
        if (notifications != null && notifications.containsKey("CLINIC_PORTAL_URL")) {
            check(("https://" + portalHost).equals(notifications.get("CLINIC_PORTAL_URL")),
                    "Deployment/notifications-service (" + overlay + "): CLINIC_PORTAL_URL " + notifications.get("CLINIC_PORTAL_URL")
                            + " is not the portal's Ingress host " + portalHost);
            String publicUrl = notifications.getOrDefault("NOTIFICATIONS_PUBLIC_URL", "");
            check(publicUrl.startsWith("https://") && ingressHostToServices.getOrDefault(URI.create(publicUrl).getHost(), Set.of()).contains("notifications-service"),
                    "Deployment/notifications-service (" + overlay + "): NOTIFICATIONS_PUBLIC_URL " + publicUrl
                            + " is not an https Ingress host of notifications-service (opt-out links would not reach it)");
        }
    }

    /**
     * What the public hosts route, by the Ingress spec's matching: every path an application's code
     * serves reaches it on each host that routes to it, no route leads to an application where it
     * serves nothing, and nothing under /q reaches an application.
     */
    private void publicPaths() {
        Map<String, K8sObject> applicationByService = new HashMap<>();
        for (K8sObject service : all("Service")) {
            JsonNode selector = service.node().path("spec").path("selector");
            all("Deployment").stream().filter(d -> !selector.isEmpty() && selects(selector, podLabels(d))).findFirst()
                    .ifPresent(d -> applicationByService.put(service.name(), d));
        }
        List<Route> routes = new ArrayList<>();
        for (K8sObject ingress : all("Ingress")) {
            JsonNode fallback = ingress.node().path("spec").path("defaultBackend");
            if (!fallback.isMissingNode()) {
                routes.add(new Route(ingress.id(), "", "", "Prefix", fallback.path("service").path("name").asText()));
            }
            for (JsonNode rule : ingress.node().path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    Route route = new Route(ingress.id(), rule.path("host").asText(""), path.path("path").asText(),
                            path.path("pathType").asText(), path.path("backend").path("service").path("name").asText());
                    check(route.type().equals("Exact") || route.type().equals("Prefix"), ingress.id() + ": path " + route.path()
                            + " of host " + route.host() + " has pathType " + route.type()
                            + "; only Exact and Prefix match alike on every ingress controller");
                    routes.add(route);
                }
            }
        }
        for (String host : routes.stream().map(Route::host).filter(h -> !h.isEmpty()).collect(Collectors.toCollection(TreeSet::new))) {
            List<Route> onHost = routes.stream().filter(r -> r.host().equals(host) || r.host().isEmpty()).toList();
            List<String> exposed = new ArrayList<>();
            for (String request : QUARKUS_PATHS) {
                Route reached = route(onHost, request);
                if (reached != null && applicationByService.containsKey(reached.service())) {
                    exposed.add(request + " to " + reached.service() + " (" + reached.ingress() + " path " + reached.path() + ")");
                }
            }
            check(exposed.isEmpty(), "Ingress (" + overlay + "): host " + host + " routes " + String.join(", ", exposed)
                    + "; Quarkus' own endpoints stay inside the cluster");
            for (Route r : onHost) {
                if (r.path().equals("/q") || r.path().startsWith("/q/")) {
                    check(!applicationByService.containsKey(r.service()), r.ingress() + ": host " + host + " routes " + r.path()
                            + " to " + r.service() + "; Quarkus' own endpoints stay inside the cluster");
                }
            }
            Set<String> services = onHost.stream().map(Route::service).filter(applicationByService::containsKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            for (String service : services) {
                ServiceConfig config = config(applicationByService.get(service));
                if (config == null) {
                    continue;
                }
                Map<String, ServedPaths.Served> bySample = new LinkedHashMap<>();
                config.served.forEach(served -> bySample.putIfAbsent(served.sample(), served));
                check(!bySample.isEmpty(), "Ingress (" + overlay + "): host " + host + " routes to " + service + ", whose code serves no path");
                for (ServedPaths.Served served : bySample.values()) {
                    Route reached = route(onHost, served.sample());
                    check(reached != null && reached.service().equals(service), "Ingress (" + overlay + "): host " + host
                            + " routes to " + service + " but not to its path " + served.path() + " (" + served.where() + "): "
                            + (reached == null ? "no rule matches" : reached.ingress() + " sends it to " + reached.service())
                            + "; route " + served.root() + " (Prefix)");
                }
                for (Route r : onHost) {
                    if (r.service().equals(service)) {
                        check(bySample.keySet().stream().anyMatch(r::matches), r.ingress() + ": host " + host + " routes "
                                + r.path() + " (" + r.type() + ") to " + service + ", whose code serves nothing there");
                    }
                }
            }
        }
    }

    /** One path of an Ingress rule (an empty host matches every host, an empty path is the default backend). */
    private record Route(String ingress, String host, String path, String type, String service) {

        /** Exact: the same string; Prefix: element by element, a trailing slash ignored (Ingress spec). */
        boolean matches(String request) {
            if (type.equals("Exact")) {
                return request.equals(path);
            }
            List<String> rule = elements(path);
            List<String> requested = elements(request);
            return requested.size() >= rule.size() && requested.subList(0, rule.size()).equals(rule);
        }

        private static List<String> elements(String path) {
            return Arrays.stream(path.split("/")).filter(e -> !e.isEmpty()).toList();
        }
    }

    /** The rule a request takes: the longest matching path, Exact before Prefix at equal length. */
    private static Route route(List<Route> routes, String request) {
        return routes.stream().filter(r -> r.matches(request))
                .max(Comparator.comparingInt((Route r) -> r.path().length()).thenComparing(r -> r.type().equals("Exact")))
                .orElse(null);
    }

    private void production() {
        for (K8sObject secret : all("Secret")) {
            check(false, secret.id() + ": production commits no Secret; list it in deploy/README.md for an admin to create");
        }
        for (K8sObject deployment : all("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asText();
                    check(!(SECRET_NAME.matcher(name).matches() && env.has("value")),
                            deployment.id() + ": env " + name + " has a literal value; take it from a Secret");
                }
                check(container.path("image").asText().contains("/securebase/"), deployment.id() + ": image "
                        + container.path("image").asText() + " names no registry (Kustomize images: newName)");
            }
        }
        for (K8sObject config : all("ConfigMap")) {
            config.node().path("data").fieldNames().forEachRemaining(key -> check(!SECRET_NAME.matcher(key).matches(),
                    config.id() + ": data." + key + " looks like a secret in a ConfigMap"));
        }
        for (K8sObject realmImport : all("KeycloakRealmImport")) {
            JsonNode realm = realmImport.node().path("spec").path("realm");
            Set<String> placeholders = new HashSet<>();
            realmImport.node().path("spec").path("placeholders").fieldNames().forEachRemaining(placeholders::add);
            for (JsonNode user : realm.path("users")) {
                check(user.hasNonNull("serviceAccountClientId"), realmImport.id() + ": spec.realm.users has "
                        + user.path("username").asText() + ", a person; production imports no users");
                check(!user.has("credentials"), realmImport.id() + ": spec.realm.users " + user.path("username").asText() + " has credentials");
            }
            for (JsonNode client : realm.path("clients")) {
                String id = client.path("clientId").asText();
                check(!client.path("directAccessGrantsEnabled").asBoolean(), realmImport.id() + ": client " + id
                        + " allows password grants (directAccessGrantsEnabled)");
                if (client.has("secret")) {
                    String secret = client.path("secret").asText();
                    check(secret.matches("\\$\\{[A-Z_]+}") && placeholders.contains(secret.substring(2, secret.length() - 1)),
                            realmImport.id() + ": client " + id + " has a literal secret; use a placeholder filled from a Secret");
                }
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private record Ref(String from, String field, String kind, String name, String key) {
    }

    private static List<Ref> references(List<K8sObject> objects) {
        List<Ref> refs = new ArrayList<>();
        for (K8sObject o : objects) {
            JsonNode spec = o.node().path("spec");
            switch (o.kind()) {
                case "Deployment" -> {
                    JsonNode pod = spec.path("template").path("spec");
                    for (JsonNode c : pod.path("containers")) {
                        for (JsonNode env : c.path("env")) {
                            JsonNode from = env.path("valueFrom");
                            String field = "env " + env.path("name").asText();
                            if (from.has("secretKeyRef")) {
                                refs.add(new Ref(o.id(), field, "Secret", from.path("secretKeyRef").path("name").asText(),
                                        from.path("secretKeyRef").path("key").asText()));
                            }
                            if (from.has("configMapKeyRef")) {
                                refs.add(new Ref(o.id(), field, "ConfigMap", from.path("configMapKeyRef").path("name").asText(),
                                        from.path("configMapKeyRef").path("key").asText()));
                            }
                        }
                        for (JsonNode from : c.path("envFrom")) {
                            if (from.has("secretRef")) {
                                refs.add(new Ref(o.id(), "envFrom", "Secret", from.path("secretRef").path("name").asText(), null));
                            }
                            if (from.has("configMapRef")) {
                                refs.add(new Ref(o.id(), "envFrom", "ConfigMap", from.path("configMapRef").path("name").asText(), null));
                            }
                        }
                    }
                    for (JsonNode volume : pod.path("volumes")) {
                        String field = "volume " + volume.path("name").asText();
                        if (volume.has("secret")) {
                            String name = volume.path("secret").path("secretName").asText();
                            refs.add(new Ref(o.id(), field, "Secret", name, null));
                            volume.path("secret").path("items").forEach(i -> refs.add(new Ref(o.id(), field, "Secret", name, i.path("key").asText())));
                        }
                        if (volume.has("configMap")) {
                            refs.add(new Ref(o.id(), field, "ConfigMap", volume.path("configMap").path("name").asText(), null));
                        }
                    }
                }
                case "Ingress" -> spec.path("tls").forEach(t -> {
                    refs.add(new Ref(o.id(), "spec.tls.secretName", "Secret", t.path("secretName").asText(), "tls.crt"));
                    refs.add(new Ref(o.id(), "spec.tls.secretName", "Secret", t.path("secretName").asText(), "tls.key"));
                });
                case "Cluster" -> {
                    for (JsonNode role : spec.path("managed").path("roles")) {
                        String name = role.path("passwordSecret").path("name").asText();
                        refs.add(new Ref(o.id(), "spec.managed.roles " + role.path("name").asText(), "Secret", name, "username"));
                        refs.add(new Ref(o.id(), "spec.managed.roles " + role.path("name").asText(), "Secret", name, "password"));
                    }
                    JsonNode s3 = spec.path("backup").path("barmanObjectStore").path("s3Credentials");
                    s3.fields().forEachRemaining(e -> refs.add(new Ref(o.id(), "spec.backup.barmanObjectStore.s3Credentials." + e.getKey(),
                            "Secret", e.getValue().path("name").asText(), e.getValue().path("key").asText())));
                }
                case "Keycloak" -> {
                    for (String field : List.of("usernameSecret", "passwordSecret")) {
                        JsonNode ref = spec.path("db").path(field);
                        if (!ref.isMissingNode()) {
                            refs.add(new Ref(o.id(), "spec.db." + field, "Secret", ref.path("name").asText(), ref.path("key").asText()));
                        }
                    }
                }
                case "KeycloakRealmImport" -> spec.path("placeholders").fields().forEachRemaining(e -> refs.add(new Ref(o.id(),
                        "spec.placeholders." + e.getKey(), "Secret", e.getValue().path("secret").path("name").asText(),
                        e.getValue().path("secret").path("key").asText())));
                default -> {
                }
            }
        }
        return refs;
    }

    /** Secrets the operators write, by the resources that make them (their documented names and keys). */
    private void producedByOperators(Map<String, Set<String>> secrets) {
        for (K8sObject user : all("KafkaUser")) {
            if (user.node().path("spec").path("authentication").path("type").asText().startsWith("scram")) {
                secrets.put(user.name(), Set.of("password", "sasl.jaas.config"));
            }
        }
        for (K8sObject kafka : all("Kafka")) {
            secrets.put(kafka.name() + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        for (K8sObject cluster : all("Cluster")) {
            secrets.put(cluster.name() + "-ca", Set.of("ca.crt", "ca.key"));
            JsonNode initdb = cluster.node().path("spec").path("bootstrap").path("initdb");
            if (!initdb.has("secret")) {
                secrets.put(cluster.name() + "-app", Set.of("username", "password", "dbname", "host", "port", "uri", "jdbc-uri", "pgpass"));
            }
        }
    }

    private Map<String, Set<String>> available(String kind) {
        Map<String, Set<String>> out = new HashMap<>();
        for (K8sObject o : all(kind)) {
            Set<String> keys = new HashSet<>();
            o.node().path("data").fieldNames().forEachRemaining(keys::add);
            o.node().path("stringData").fieldNames().forEachRemaining(keys::add);
            out.put(o.name(), keys);
        }
        return out;
    }

    private ServiceConfig config(K8sObject deployment) {
        if (!APPLICATIONS.contains(deployment.name())) {
            check(false, deployment.id() + ": not one of the applications " + APPLICATIONS);
            return null;
        }
        return configs.computeIfAbsent(deployment.name(), ServiceConfig::of);
    }

    private List<String> envNames(JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : container.path("envFrom")) {
            String kind = from.has("configMapRef") ? "ConfigMap" : "Secret";
            String name = from.path(kind.equals("ConfigMap") ? "configMapRef" : "secretRef").path("name").asText();
            K8sObject source = find(kind, name);
            if (source != null) {
                String prefix = from.path("prefix").asText("");
                source.node().path("data").fieldNames().forEachRemaining(k -> names.add(prefix + k));
                source.node().path("stringData").fieldNames().forEachRemaining(k -> names.add(prefix + k));
            } else if (kind.equals("Secret")) {
                admin.forOverlay(overlay).stream().filter(r -> r.name().equals(name)).flatMap(r -> r.keys().stream()).forEach(names::add);
            }
        }
        return names;
    }

    /** Literal values of every variable, from env and from the ConfigMaps of envFrom. */
    private Map<String, String> envValues(K8sObject deployment) {
        if (deployment == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (JsonNode container : containers(deployment)) {
            for (JsonNode from : container.path("envFrom")) {
                K8sObject map = find("ConfigMap", from.path("configMapRef").path("name").asText());
                if (map != null) {
                    map.node().path("data").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
                }
            }
            container.path("env").forEach(e -> {
                if (e.has("value")) {
                    values.put(e.path("name").asText(), e.path("value").asText());
                }
            });
        }
        return values;
    }

    private JsonNode env(K8sObject deployment, String name) {
        for (JsonNode container : containers(deployment)) {
            for (JsonNode env : container.path("env")) {
                if (env.path("name").asText().equals(name)) {
                    return env;
                }
            }
        }
        return null;
    }

    private boolean mountedFrom(K8sObject deployment, String file, String secret) {
        JsonNode pod = podTemplate(deployment).path("spec");
        for (JsonNode container : containers(deployment)) {
            for (JsonNode mount : container.path("volumeMounts")) {
                String dir = mount.path("mountPath").asText();
                if (!file.startsWith(dir + "/")) {
                    continue;
                }
                String item = file.substring(dir.length() + 1);
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())
                            && volume.path("secret").path("secretName").asText().equals(secret)) {
                        JsonNode items = volume.path("secret").path("items");
                        return items.isEmpty() || StreamSupport.stream(items.spliterator(), false)
                                .anyMatch(i -> i.path("path").asText().equals(item));
                    }
                }
            }
        }
        return false;
    }

    private boolean emptyDirAt(K8sObject deployment, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(path)) {
                for (JsonNode volume : podTemplate(deployment).path("spec").path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean allows(JsonNode acls, String type, String name, String operation) {
        for (JsonNode acl : acls) {
            JsonNode resource = acl.path("resource");
            if (acl.path("type").asText("allow").equals("allow") && resource.path("type").asText().equals(type)
                    && resource.path("name").asText().equals(name)
                    && StreamSupport.stream(acl.path("operations").spliterator(), false)
                    .anyMatch(op -> op.asText().equals(operation) || op.asText().equals("All"))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> types(K8sObject policy) {
        Set<String> types = new HashSet<>();
        policy.node().path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
        return types;
    }

    /** A label selector (matchLabels / matchExpressions, or a plain map) against a pod's labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector == null || selector.isMissingNode()) {
            return false;
        }
        JsonNode matchLabels = selector.has("matchLabels") || selector.has("matchExpressions") ? selector.path("matchLabels") : selector;
        for (var it = matchLabels.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            Set<String> values = new HashSet<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> values.contains(value);
                case "NotIn" -> !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String hostServing(Map<String, Set<String>> hosts, String service) {
        return hosts.entrySet().stream().filter(e -> e.getValue().contains(service)).map(Map.Entry::getKey).findFirst().orElse("?");
    }

    private static String decoded(K8sObject secret, String key) {
        JsonNode data = secret.node().path("data").path(key);
        if (!data.isMissingNode()) {
            return new String(Base64.getDecoder().decode(data.asText()), StandardCharsets.UTF_8);
        }
        return secret.node().path("stringData").path(key).asText(null);
    }

    private static long bytes(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity)).longValue();
    }

    private Map<String, String> labelsOf(String deployment) {
        K8sObject d = find("Deployment", deployment);
        return d == null ? null : podLabels(d);
    }

    private static Map<String, String> podLabels(K8sObject deployment) {
        Map<String, String> labels = new HashMap<>();
        podTemplate(deployment).path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static JsonNode podTemplate(K8sObject deployment) {
        return deployment.node().path("spec").path("template");
    }

    private static List<JsonNode> containers(K8sObject deployment) {
        List<JsonNode> containers = new ArrayList<>();
        podTemplate(deployment).path("spec").path("containers").forEach(containers::add);
        podTemplate(deployment).path("spec").path("initContainers").forEach(containers::add);
        return containers;
    }

    private List<K8sObject> all(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    private K8sObject find(String kind, String name) {
        return objects.stream().filter(o -> o.kind().equals(kind) && Objects.equals(o.name(), name)).findFirst().orElse(null);
    }
}
