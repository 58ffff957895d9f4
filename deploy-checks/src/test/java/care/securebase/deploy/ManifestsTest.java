package care.securebase.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.deploy.Manifests.K8sObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every overlay rendered and every object in it validated, as a dry run on a cluster would. */
class ManifestsTest {

    static final CrdValidator CRDS = new CrdValidator(Manifests.KUBERNETES.resolve("crds"));
    static final Map<String, List<K8sObject>> RENDERED = new LinkedHashMap<>();

    @BeforeAll
    static void render() {
        for (String overlay : Manifests.OVERLAYS) {
            RENDERED.put(overlay, Manifests.render(overlay));
        }
    }

    @Test
    void everyObjectIsValidAgainstTheKubernetesModelOrItsCrd() {
        List<String> problems = new ArrayList<>();
        StringBuilder summary = new StringBuilder("Kubernetes manifests (deploy/kubernetes):\n");
        RENDERED.forEach((overlay, objects) -> {
            int core = 0;
            int custom = 0;
            for (K8sObject object : objects) {
                if (CRDS.knows(object)) {
                    problems.addAll(CRDS.validate(object));
                    custom++;
                } else {
                    problems.addAll(CoreValidator.validate(object));
                    core++;
                }
            }
            summary.append(String.format("  %-10s %3d objects rendered: %3d validated against fabric8's model, %3d against CRD schemas%n",
                    overlay, objects.size(), core, custom));
        });
        System.out.print(summary);
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void crossChecksFindNothing() {
        List<String> problems = new ArrayList<>();
        StringBuilder summary = new StringBuilder("Cross-checks (facts checked per overlay):\n");
        AdminSecrets admin = AdminSecrets.read();
        RENDERED.forEach((overlay, objects) -> {
            CrossChecks checks = new CrossChecks(overlay, objects, admin);
            problems.addAll(checks.run());
            int total = checks.counts().values().stream().mapToInt(Integer::intValue).sum();
            summary.append(String.format("  %-10s %4d: %s%n", overlay, total, checks.counts()));
        });
        System.out.print(summary);
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void everyOverlayRendersTheWholeSuite() {
        RENDERED.forEach((overlay, objects) -> {
            List<String> deployments = objects.stream().filter(o -> o.kind().equals("Deployment")).map(K8sObject::name).sorted().toList();
            assertEquals(List.of("intake-service", "notifications-service", "referrals-service", "sessions-service", "staff-portal"),
                    deployments, overlay);
            assertTrue(objects.stream().anyMatch(o -> o.kind().equals("Kafka")), overlay + " has a Kafka");
        });
    }
}
