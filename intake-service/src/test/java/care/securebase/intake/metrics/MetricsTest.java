package care.securebase.intake.metrics;

import care.securebase.kit.testing.BacklogMetricsContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

@QuarkusTest
class MetricsTest extends BacklogMetricsContract {

    @Override
    protected String group() {
        return "intake-service-test";
    }

    @Override
    protected Set<String> consumedTopics() {
        return Set.of("test-sessions-events", "test-notifications-events");
    }
}
