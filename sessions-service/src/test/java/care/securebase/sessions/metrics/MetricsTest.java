package care.securebase.sessions.metrics;

import care.securebase.kit.testing.BacklogMetricsContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;

@QuarkusTest
class MetricsTest extends BacklogMetricsContract {

    @Override
    protected String group() {
        return "sessions-service-test";
    }

    @Override
    protected Set<String> consumedTopics() {
        return Set.of("test-intake-events", "test-referrals-events", "test-notifications-events");
    }
}
