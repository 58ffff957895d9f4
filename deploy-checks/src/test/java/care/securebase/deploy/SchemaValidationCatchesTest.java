package care.securebase.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.deploy.Manifests.K8sObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Broken manifests the validators must refuse, each naming the object and the field. */
class SchemaValidationCatchesTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: intake-service
            spec:
              selector:
                matchLabels:
                  app: intake
              template:
                metadata:
                  labels:
                    app: intake
                spec:
                  containers:
                    - name: intake-service
                      image: securebase/intake-service
                      %s
            """;

    private static K8sObject one(String yaml) {
        List<K8sObject> objects = Manifests.parse(yaml, "test");
        assertEquals(1, objects.size());
        return objects.get(0);
    }

    private static List<String> validate(String yaml) {
        K8sObject object = one(yaml);
        return ManifestsTest.CRDS.knows(object) ? ManifestsTest.CRDS.validate(object) : CoreValidator.validate(object);
    }

    private static void assertRefused(List<String> problems, String... fragments) {
        assertEquals(1, problems.size(), "one finding expected, got " + problems);
        for (String fragment : fragments) {
            assertTrue(problems.get(0).contains(fragment), "'" + fragment + "' missing in " + problems.get(0));
        }
    }

    @Test
    void withoutKubectlTheCheckFailsRatherThanSkips() {
        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> Manifests.render("/nonexistent/kubectl", Manifests.KUBERNETES.resolve("overlays/dev"), "dev"));
        assertTrue(failure.getMessage().contains("kubectl (with its built-in Kustomize) must be on the PATH"), failure.getMessage());
    }

    @Test
    void aBrokenKustomizationFailsWithKustomizesMessage() {
        AssertionError failure = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> Manifests.render(Manifests.KUBERNETES.resolve("crds"), "crds"));
        assertTrue(failure.getMessage().contains("kubectl kustomize") && failure.getMessage().contains("failed"), failure.getMessage());
    }

    @Test
    void aWellFormedDeploymentPasses() {
        assertEquals(List.of(), validate(DEPLOYMENT.formatted("imagePullPolicy: IfNotPresent")));
    }

    @Test
    void anUnknownFieldInADeploymentIsRefused() {
        assertRefused(validate(DEPLOYMENT.formatted("securityContxt: {runAsNonRoot: true}")),
                "Deployment/intake-service", "spec.template.spec.containers[0].securityContxt");
    }

    @Test
    void aValueOfTheWrongTypeInADeploymentIsRefused() {
        assertRefused(validate(DEPLOYMENT.formatted("ports: {containerPort: 8080}")),
                "Deployment/intake-service", "spec.template.spec.containers[0].ports");
    }

    @Test
    void anUnknownFieldInObjectMetaIsRefused() {
        assertRefused(validate("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: securebase-kafka
                  label: {a: b}
                data: {A: b}
                """), "ConfigMap/securebase-kafka", "metadata.label");
    }

    @Test
    void anUnknownApiVersionOrKindIsRefused() {
        assertRefused(validate("""
                apiVersion: apps/v2
                kind: Deployment
                metadata:
                  name: intake-service
                """), "Deployment/intake-service", "apps/v2");
        assertRefused(validate("""
                apiVersion: monitoring.coreos.com/v2
                kind: ServiceMonitor
                metadata:
                  name: intake-service
                """), "ServiceMonitor/intake-service", "no copied CRD");
    }

    @Test
    void aPrometheusRuleOrServiceMonitorWithAnUnknownFieldOrAWrongTypeIsRefused() {
        assertRefused(validate("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: securebase
                spec:
                  groups:
                    - name: securebase
                      rules:
                        - alert: SecureBaseOutboxBacklog
                          expression: securebase_outbox_oldest_age_seconds > 300
                """), "PrometheusRule/securebase", "spec.groups[0].rules[0].expression");
        assertRefused(validate("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: securebase
                spec:
                  groups:
                    - name: securebase
                      rules:
                        - alert: SecureBaseOutboxBacklog
                          expr: securebase_outbox_oldest_age_seconds > 300
                          annotations: [summary]
                """), "PrometheusRule/securebase", "wrong type");
        assertRefused(validate("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: securebase-services
                spec:
                  selector:
                    matchLabels:
                      app.kubernetes.io/component: api
                  endpoints:
                    - port: http
                      metricsPath: /q/metrics
                """), "ServiceMonitor/securebase-services", "spec.endpoints[0].metricsPath");
    }

    @Test
    void aKafkaTopicWithAWrongTypeIsRefused() {
        assertRefused(validate("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: intake-events
                spec:
                  partitions: six
                  replicas: 3
                """), "KafkaTopic/intake-events", "partitions", "integer");
    }

    @Test
    void anUnknownFieldInACustomResourceIsRefused() {
        assertRefused(validate("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata:
                  name: intake-service
                spec:
                  authentication:
                    type: scram-sha-512
                    passwrd: x
                """), "KafkaUser/intake-service", "passwrd");
    }

    @Test
    void aValueOutsideAnEnumIsRefused() {
        assertRefused(validate("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Pooler
                metadata:
                  name: securebase-db-pooler-rw
                spec:
                  cluster: {name: securebase-db}
                  type: rw
                  pgbouncer:
                    poolMode: statement-ish
                """), "Pooler/securebase-db-pooler-rw", "poolMode");
    }

    @Test
    void aMissingRequiredFieldOfACustomResourceIsRefused() {
        assertRefused(validate("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata:
                  name: combined
                spec:
                  replicas: 3
                  roles: [broker]
                """), "KafkaNodePool/combined", "storage");
    }

    @Test
    void intOrStringAndPreservedUnknownFieldsAreAccepted() {
        // Strimzi's Kafka config is free-form (x-kubernetes-preserve-unknown-fields).
        assertEquals(List.of(), validate("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata:
                  name: securebase
                spec:
                  kafka:
                    listeners:
                      - {name: tls, port: 9093, type: internal, tls: true}
                    config:
                      anything.goes: 1
                """));
    }
}
