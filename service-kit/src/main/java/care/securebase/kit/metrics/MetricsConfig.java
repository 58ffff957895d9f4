package care.securebase.kit.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "securebase.metrics")
public interface MetricsConfig {
    /**
     * How often the gauges that cost a query are read from the database (read by the @Scheduled jobs):
     * a scrape only reads the last values, so a slow or absent database never slows /q/metrics.
     */
    @WithDefault("15s")
    Duration refreshInterval();
}
