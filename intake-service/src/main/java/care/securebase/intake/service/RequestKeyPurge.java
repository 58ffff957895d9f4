package care.securebase.intake.service;

import care.securebase.intake.RequestKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Idempotency keys only need to outlive a caller's retries; older ones are forgotten. */
@ApplicationScoped
public class RequestKeyPurge {

    private final Duration retention;

    public RequestKeyPurge(@ConfigProperty(name = "securebase.intake.idempotency-retention", defaultValue = "P7D")
                           Duration retention) {
        this.retention = retention;
    }

    @Scheduled(every = "6h", delay = 5, delayUnit = TimeUnit.MINUTES)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> RequestKey.forgetOlderThan(Instant.now().minus(retention)));
    }
}
