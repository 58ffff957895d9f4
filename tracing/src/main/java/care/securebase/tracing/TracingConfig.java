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
     * A span per database statement of a request or an event (SQL with {@code ?}, never values). False
     * keeps the request, Kafka and delivery spans and drops these, the bulk of what tracing costs.
     */
    @WithDefault("true")
    boolean statementSpans();
}
