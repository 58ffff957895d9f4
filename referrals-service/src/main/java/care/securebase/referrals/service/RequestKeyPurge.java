package care.securebase.referrals.service;

import care.securebase.referrals.ReferralRequestKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Idempotency keys only need to outlive a partner's retries; older ones are forgotten. */
@ApplicationScoped
public class RequestKeyPurge {

    private final Duration retention;

    public RequestKeyPurge(@ConfigProperty(name = "securebase.referrals.idempotency-retention") Duration retention) {
        this.retention = retention;
    }

    @Scheduled(every = "6h", delay = 5, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> ReferralRequestKey.forgetOlderThan(Instant.now().minus(retention)));
    }
}
