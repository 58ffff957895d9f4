package care.securebase.intake.event;

import care.securebase.events.ContactOptedOut;
import care.securebase.events.EventType;
import care.securebase.intake.service.ConsentService;
import care.securebase.kit.outbox.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Listens to notifications for opt-outs, which end the client's consent to that channel. */
@ApplicationScoped
public class NotificationsEventsConsumer {

    private final IncomingEvents events;
    private final ConsentService consents;

    public NotificationsEventsConsumer(IncomingEvents events, ConsentService consents) {
        this.events = events;
        this.consents = consents;
    }

    @Incoming("notifications-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onNotificationsEvents(ConsumerRecords<String, String> records, IncomingKafkaRecordBatchMetadata<String, String> metadata) {
        events.each("NotificationsEventsConsumer.onNotificationsEvent", records, metadata, this::onNotificationsEvent);
    }

    private void onNotificationsEvent(String json) {
        events.parse(json).filter(e -> e.type() == EventType.CONTACT_OPTED_OUT)
                .ifPresent(e -> e.readablePayload(ContactOptedOut.class)
                        .ifPresent(optOut -> consents.optedOut(e.envelope().id(), optOut)));
    }
}
