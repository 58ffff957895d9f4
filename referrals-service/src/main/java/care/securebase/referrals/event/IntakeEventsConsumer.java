package care.securebase.referrals.event;

import care.securebase.events.ClientRegistered;
import care.securebase.events.ConsentChanged;
import care.securebase.kit.outbox.IncomingEvents;
import care.securebase.referrals.service.ClientInfoService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Listens to intake for consent changes (who may be referred where) and client details (what a
 * partner may be shown). A failure to apply one is retried, backing off, until it works: the
 * partition waits rather than skip a revocation.
 */
@ApplicationScoped
public class IntakeEventsConsumer {

    private final IncomingEvents events;
    private final ClientInfoService clients;

    public IntakeEventsConsumer(IncomingEvents events, ClientInfoService clients) {
        this.events = events;
        this.clients = clients;
    }

    @Incoming("intake-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onIntakeEvents(ConsumerRecords<String, String> records, IncomingKafkaRecordBatchMetadata<String, String> metadata) {
        events.each("IntakeEventsConsumer.onIntakeEvent", records, metadata, this::onIntakeEvent);
    }

    private void onIntakeEvent(String json) {
        events.parse(json).ifPresent(e -> {
            switch (e.type()) {
                case CONSENT_CHANGED -> e.readablePayload(ConsentChanged.class)
                        .ifPresent(change -> clients.consentChanged(e.envelope().id(), change));
                case CLIENT_REGISTERED -> e.readablePayload(ClientRegistered.class)
                        .ifPresent(client -> clients.clientRegistered(e.envelope().id(), client));
                default -> {
                    // Intakes and risk flags are not this service's concern.
                }
            }
        });
    }
}
