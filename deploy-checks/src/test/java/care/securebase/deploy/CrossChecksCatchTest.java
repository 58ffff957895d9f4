package care.securebase.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.deploy.Manifests.K8sObject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each cross-check fails on the real overlay broken in one place, naming the object and the field. */
class CrossChecksCatchTest {

    private static List<K8sObject> production;
    private static List<K8sObject> dev;
    private static AdminSecrets admin;

    @BeforeAll
    static void render() {
        production = Manifests.render("production");
        dev = Manifests.render("dev");
        admin = AdminSecrets.read();
    }

    /** The overlay with one object changed (or removed when the change leaves it empty). */
    private static List<String> broken(List<K8sObject> objects, String kind, String name, Consumer<ObjectNode> change) {
        List<K8sObject> copy = new ArrayList<>();
        boolean found = false;
        for (K8sObject o : objects) {
            ObjectNode node = o.node().deepCopy();
            if (o.kind().equals(kind) && o.name().equals(name)) {
                found = true;
                change.accept(node);
                if (node.isEmpty()) {
                    continue;
                }
            }
            copy.add(new K8sObject(o.overlay(), node));
        }
        assertTrue(found, kind + "/" + name + " not in the overlay");
        return new CrossChecks(objects.get(0).overlay(), copy, admin).run();
    }

    private static void assertFound(List<String> problems, String... fragments) {
        assertTrue(problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains)),
                "expected a finding with " + List.of(fragments) + ", got " + problems);
    }

    private static ObjectNode container(ObjectNode deployment) {
        return (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").path(0);
    }

    private static ArrayNode env(ObjectNode deployment) {
        return (ArrayNode) container(deployment).path("env");
    }

    @Test
    void theRealOverlaysPass() {
        assertEquals(List.of(), new CrossChecks("production", production, admin).run());
        assertEquals(List.of(), new CrossChecks("dev", dev, admin).run());
    }

    @Test
    void anEnvVarNoServiceReadsIsFound() {
        assertFound(broken(production, "Deployment", "intake-service", d -> env(d).addObject().put("name", "QUARKUS_DATASOURCE_JDBC_MAXSIZE").put("value", "5")),
                "Deployment/intake-service (production)", "env QUARKUS_DATASOURCE_JDBC_MAXSIZE", "read by nothing");
        assertFound(broken(production, "ConfigMap", "securebase-kafka", c -> ((ObjectNode) c.path("data")).put("KAFKA_SASL_MECHANISMS", "PLAIN")),
                "Deployment/sessions-service (production)", "env KAFKA_SASL_MECHANISMS");
        assertFound(broken(production, "Deployment", "staff-portal", d -> env(d).addObject().put("name", "KAFKA_BOOTSTRAP_SERVERS").put("value", "x:1")),
                "Deployment/staff-portal", "KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void aRootOrUnconfinedContainerIsFound() {
        assertFound(broken(production, "Deployment", "sessions-service", d -> ((ObjectNode) container(d).path("securityContext")).put("runAsUser", 0)),
                "Deployment/sessions-service", "securityContext.runAsUser is 0");
        assertFound(broken(production, "Deployment", "sessions-service", d -> ((ObjectNode) container(d).path("securityContext")).put("readOnlyRootFilesystem", false)),
                "Deployment/sessions-service", "readOnlyRootFilesystem");
        assertFound(broken(production, "Deployment", "sessions-service", d -> ((ObjectNode) container(d).path("securityContext")).remove("capabilities")),
                "Deployment/sessions-service", "capabilities must drop ALL");
        assertFound(broken(production, "Deployment", "sessions-service", d -> ((ObjectNode) d.path("spec").path("template").path("spec")).put("automountServiceAccountToken", true)),
                "Deployment/sessions-service", "automountServiceAccountToken");
    }

    @Test
    void aMissingSecretOrKeyIsFound() {
        assertFound(broken(production, "Deployment", "notifications-service", d -> ((ObjectNode) env(d).path(1).path("valueFrom").path("secretKeyRef")).put("name", "intake-db")),
                "Deployment/notifications-service", "names Secret intake-db", "neither the overlay, an operator");
        assertFound(broken(production, "Deployment", "referrals-service", d -> {
            for (JsonNode e : env(d)) {
                if (e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                    ((ObjectNode) e.path("valueFrom").path("secretKeyRef")).put("key", "jaas");
                }
            }
        }), "Deployment/referrals-service", "needs key jaas of Secret referrals-service");
        assertFound(broken(production, "Cluster", "securebase-db", c -> ((ObjectNode) c.path("spec").path("backup").path("barmanObjectStore")
                .path("s3Credentials").path("accessKeyId")).put("name", "s3-creds")), "Cluster/securebase-db", "s3Credentials.accessKeyId", "s3-creds");
    }

    @Test
    void anUnusedRowOfTheDocumentedSecretsIsFound() {
        List<AdminSecrets.Row> rows = new ArrayList<>(admin.rows());
        rows.add(new AdminSecrets.Row("securebase-legacy", Set.of("token"), Set.of("production")));
        assertFound(new CrossChecks("production", production, new AdminSecrets(rows)).run(), "securebase-legacy", "nothing in the overlay uses it");
    }

    @Test
    void aTopicWithoutKafkaTopicOrAclIsFound() {
        assertFound(broken(production, "KafkaTopic", "referrals-events", t -> t.removeAll()),
                "Deployment/notifications-service", "consumes topic referrals-events, which has no KafkaTopic");
        assertFound(broken(production, "KafkaUser", "notifications-service", u -> ((ArrayNode) u.path("spec").path("authorization").path("acls")).remove(3)),
                "KafkaUser/notifications-service", "no Read on topic referrals-events");
        assertFound(broken(production, "KafkaUser", "intake-service", u -> ((ArrayNode) u.path("spec").path("authorization").path("acls")).remove(0)),
                "KafkaUser/intake-service", "no Write on topic intake-events");
        assertFound(broken(production, "KafkaUser", "sessions-service", u -> {
            ArrayNode acls = (ArrayNode) u.path("spec").path("authorization").path("acls");
            acls.remove(acls.size() - 1);
        }), "KafkaUser/sessions-service", "no Read on consumer group sessions-service");
    }

    @Test
    void anAclBeyondWhatTheServiceUsesIsFound() {
        assertFound(broken(production, "KafkaUser", "referrals-service", u -> {
            ObjectNode acl = ((ArrayNode) u.path("spec").path("authorization").path("acls")).addObject();
            acl.putObject("resource").put("type", "topic").put("name", "*").put("patternType", "literal");
            acl.putArray("operations").add("Read");
        }), "KafkaUser/referrals-service", "allows topic/*");
    }

    @Test
    void topicReplicationBeyondTheBrokersOrBelowProductionsIsFound() {
        assertFound(broken(dev, "KafkaTopic", "intake-events", t -> ((ObjectNode) t.path("spec")).put("replicas", 3)),
                "KafkaTopic/intake-events (dev)", "spec.replicas 3 but only 1 brokers");
        assertFound(broken(production, "KafkaTopic", "intake-events", t -> ((ObjectNode) t.path("spec").path("config")).put("min.insync.replicas", 1)),
                "KafkaTopic/intake-events (production)", "min.insync.replicas 2");
    }

    @Test
    void kafkaSettingsThatDoNotMatchTheListenerAreFound() {
        assertFound(broken(production, "ConfigMap", "securebase-kafka", c -> ((ObjectNode) c.path("data")).put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-256")),
                "KAFKA_SASL_MECHANISM SCRAM-SHA-256", "authenticates scram-sha-512");
        assertFound(broken(production, "ConfigMap", "securebase-kafka", c -> ((ObjectNode) c.path("data")).put("KAFKA_BOOTSTRAP_SERVERS", "securebase-kafka-bootstrap:9092")),
                "KAFKA_BOOTSTRAP_SERVERS securebase-kafka-bootstrap:9092 is no listener");
    }

    @Test
    void aProbeOnTheWrongPathOrPortIsFound() {
        assertFound(broken(production, "Deployment", "referrals-service", d -> ((ObjectNode) container(d).path("readinessProbe").path("httpGet")).put("path", "/health")),
                "Deployment/referrals-service", "readinessProbe.httpGet.path is '/health'");
        assertFound(broken(production, "Deployment", "referrals-service", d -> ((ObjectNode) container(d).path("livenessProbe").path("httpGet")).put("port", 9000)),
                "Deployment/referrals-service", "livenessProbe.httpGet.port 9000");
        assertFound(broken(production, "Deployment", "staff-portal", d -> ((ObjectNode) d.path("spec").path("template").path("metadata"))
                .putObject("annotations").put("prometheus.io/scrape", "true")), "Deployment/staff-portal", "serves no /q/metrics");
    }

    @Test
    void missingAvailabilityIsFound() {
        assertFound(broken(production, "HorizontalPodAutoscaler", "intake-service", h -> h.removeAll()),
                "Deployment/intake-service", "HorizontalPodAutoscaler");
        assertFound(broken(production, "Deployment", "intake-service", d -> ((ObjectNode) d.path("spec").path("template").path("spec")).remove("affinity")),
                "Deployment/intake-service", "podAntiAffinity");
    }

    @Test
    void missingNetworkPoliciesAreFound() {
        assertFound(broken(production, "NetworkPolicy", "default-deny", p -> p.removeAll()), "none denies all ingress and egress");
        assertFound(broken(production, "NetworkPolicy", "allow-dns", p -> p.removeAll()), "DNS");
        assertFound(broken(production, "NetworkPolicy", "staff-portal", p -> p.removeAll()),
                "no egress rule lets staff-portal reach sessions-service on 8080");
        assertFound(broken(production, "NetworkPolicy", "apis", p -> ((ObjectNode) p.path("spec")).remove("egress")),
                "no egress rule lets intake-service reach PostgreSQL securebase-db-pooler-rw on 5432");
        assertFound(broken(production, "NetworkPolicy", "postgres-pooler", p -> ((ObjectNode) p.path("spec")).remove("egress")),
                "no egress rule lets Pooler/securebase-db-pooler-rw (production) reach its Cluster on 5432");
    }

    @Test
    void hostsThatDisagreeAreFound() {
        assertFound(broken(production, "Keycloak", "securebase-keycloak", k -> ((ObjectNode) k.path("spec").path("hostname")).put("hostname", "https://sso.example.org")),
                "Keycloak/securebase-keycloak", "not an https Ingress host of Keycloak");
        assertFound(broken(production, "KeycloakRealmImport", "securebase", r -> {
            for (JsonNode client : r.path("spec").path("realm").path("clients")) {
                if (client.path("clientId").asText().equals("staff-portal")) {
                    ((ObjectNode) client).putArray("redirectUris").add("http://localhost:8080/*");
                }
            }
        }), "KeycloakRealmImport/securebase", "regenerate the realm import");
        assertFound(broken(production, "Ingress", "apis", i -> ((ArrayNode) i.path("spec").path("tls")).removeAll()),
                "Ingress/apis", "host intake.securebase.example has no spec.tls");
    }

    /** The paths of one host's rule in an Ingress. */
    private static ArrayNode paths(ObjectNode ingress, String host) {
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            if (rule.path("host").asText().equals(host)) {
                return (ArrayNode) rule.path("http").path("paths");
            }
        }
        throw new AssertionError("no rule for " + host);
    }

    private static void addPath(ObjectNode ingress, String host, String path, String type, String service) {
        ObjectNode added = paths(ingress, host).addObject().put("path", path).put("pathType", type);
        added.putObject("backend").putObject("service").put("name", service).putObject("port").put("name", "http");
    }

    private static void removePath(ObjectNode ingress, String host, String path) {
        ArrayNode paths = paths(ingress, host);
        for (int i = 0; i < paths.size(); i++) {
            if (paths.path(i).path("path").asText().equals(path)) {
                paths.remove(i);
                return;
            }
        }
        throw new AssertionError("no path " + path + " for " + host);
    }

    @Test
    void aResourcePathThePublicHostDoesNotRouteIsFound() {
        assertFound(broken(production, "Ingress", "apis", i -> removePath(i, "intake.securebase.example", "/fhir")),
                "Ingress (production): host intake.securebase.example routes to intake-service but not to its path /fhir/Patient/{id}",
                "FhirResource.", "no rule matches", "route /fhir (Prefix)");
        assertFound(broken(production, "Ingress", "apis", i -> removePath(i, "notifications.securebase.example", "/opt-out")),
                "notifications-service but not to its path /opt-out (OptOutResource.");
    }

    @Test
    void quarkusEndpointsReachableFromOutsideAreFound() {
        assertFound(broken(production, "Ingress", "apis", i -> addPath(i, "intake.securebase.example", "/", "Prefix", "intake-service")),
                "host intake.securebase.example routes /q to intake-service", "/q/metrics to intake-service", "/q/openapi to intake-service",
                "stay inside the cluster");
        assertFound(broken(dev, "Ingress", "staff-portal", i -> removePath(i, "portal.securebase.example", "/q")),
                "Ingress (dev): host portal.securebase.example routes /q to staff-portal", "/q/health to staff-portal");
        assertFound(broken(production, "Ingress", "apis", i -> addPath(i, "referrals.securebase.example", "/q/metrics", "Exact", "referrals-service")),
                "Ingress/apis (production): host referrals.securebase.example routes /q/metrics to referrals-service; Quarkus' own");
        assertFound(broken(production, "Service", "not-served", s -> ((ObjectNode) s.path("spec")).putObject("selector")
                .put("app.kubernetes.io/name", "staff-portal")), "host portal.securebase.example routes /q to not-served");
    }

    @Test
    void aRouteToWhatTheServiceDoesNotServeOrOfAControllerSpecificTypeIsFound() {
        assertFound(broken(production, "Ingress", "apis", i -> addPath(i, "notifications.securebase.example", "/admin", "Prefix", "notifications-service")),
                "Ingress/apis (production): host notifications.securebase.example routes /admin (Prefix) to notifications-service, whose code serves nothing there");
        assertFound(broken(production, "Ingress", "apis", i -> ((ObjectNode) paths(i, "referrals.securebase.example").path(0)).put("pathType", "ImplementationSpecific")),
                "Ingress/apis (production): path /fhir of host referrals.securebase.example has pathType ImplementationSpecific");
    }

    @Test
    void aDomainSetInHostsYamlReachesEveryPlaceButTheRealmImportToRegenerate(@TempDir Path copy) throws IOException {
        for (String part : List.of("base", "monitoring", "overlays")) {
            Path from = Manifests.KUBERNETES.resolve(part);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path to = copy.resolve(part).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
        }
        Path hosts = copy.resolve("overlays/production/hosts.yaml");
        Files.writeString(hosts, Files.readString(hosts).replace(".securebase.example", ".clinics.example.org"));
        List<K8sObject> rendered = Manifests.render(copy.resolve("overlays/production"), "production");

        List<String> stillOld = rendered.stream().filter(o -> !o.kind().equals("KeycloakRealmImport"))
                .filter(o -> o.node().toString().replace("registry.securebase.example", "").contains("securebase.example"))
                .map(K8sObject::id).toList();
        assertEquals(List.of(), stillOld, "objects still naming a securebase.example host after hosts.yaml changed");
        assertTrue(rendered.stream().filter(o -> o.kind().equals("Ingress")).allMatch(o -> o.node().toString().contains(".clinics.example.org")));
        List<String> problems = new CrossChecks("production", rendered, admin).run();
        assertFound(problems, "KeycloakRealmImport/securebase", "portal.clinics.example.org", "regenerate the realm import");
        assertTrue(problems.stream().allMatch(p -> p.contains("regenerate the realm import")), problems.toString());
    }

    @Test
    void demoUsersTestClientsAndSecretValuesInProductionAreFound() {
        JsonNode devRealm = dev.stream().filter(o -> o.kind().equals("KeycloakRealmImport")).findFirst().orElseThrow().node().path("spec").path("realm");
        assertFound(broken(production, "KeycloakRealmImport", "securebase", r -> ((ObjectNode) r.path("spec").path("realm")).set("users", devRealm.path("users").deepCopy())),
                "KeycloakRealmImport/securebase (production)", "clara, a person");
        assertFound(broken(production, "KeycloakRealmImport", "securebase", r -> ((ArrayNode) r.path("spec").path("realm").path("clients"))
                .addObject().put("clientId", "securebase-tests").put("directAccessGrantsEnabled", true)), "client securebase-tests allows password grants");
        assertFound(broken(production, "KeycloakRealmImport", "securebase", r -> ((ObjectNode) r.path("spec").path("realm").path("clients").path(0)).put("secret", "portal-secret")),
                "client staff-portal has a literal secret");
        assertFound(broken(production, "Deployment", "intake-service", d -> {
            for (JsonNode e : env(d)) {
                if (e.path("name").asText().equals("QUARKUS_DATASOURCE_PASSWORD")) {
                    ((ObjectNode) e).remove("valueFrom");
                    ((ObjectNode) e).put("value", "intake");
                }
            }
        }), "Deployment/intake-service (production)", "env QUARKUS_DATASOURCE_PASSWORD has a literal value");
        List<K8sObject> withSecret = new ArrayList<>(production);
        withSecret.add(Manifests.parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: securebase-portal}
                stringData: {oidc-client-secret: x, session-secret: y}
                """, "production").get(0));
        assertFound(new CrossChecks("production", withSecret, admin).run(), "Secret/securebase-portal (production)", "commits no Secret");
    }

    @Test
    void theDevOverlaysGeneratedSecretsAreChecked() {
        assertFound(broken(dev, "Secret", "securebase-db-sessions", s -> s.put("type", "Opaque")),
                "Secret/securebase-db-sessions (dev)", "basic-auth with username sessions");
        Set<String> kinds = new HashSet<>();
        dev.forEach(o -> kinds.add(o.kind()));
        assertTrue(kinds.contains("Secret"), "dev generates its Secrets");
    }
}
