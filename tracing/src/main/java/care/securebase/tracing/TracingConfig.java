package care.securebase.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

@ConfigMapping(prefix = "securebase.tracing")
public interface TracingConfig {

    /**
     * Zipkin's span intake, e.g. {@code http://localhost:9411/api/v2/spans}. Unset, spans are made (trace
     * ids still travel in headers, outbox rows and reminders) but sent nowhere, so an application with no
     * trace backend logs no export errors.
     */
    Optional<URI> zipkinEndpoint();

    /**
     * The share of traces (0 to 1, chosen by trace id) that carry a span per database statement of their
     * requests and events (SQL with {@code ?}, never values); every trace keeps its request, Kafka and
     * delivery spans. All by default: one in ten took Zipkin's CPU per intake from 2.0 to 0.8 ms but the
     * machine's total not measurably (docs/benchmark.md). Outside 0 to 1 the application does not start.
     */
    @WithDefault("1")
    double statementSpans();
}
