package care.securebase.sessions.messaging;

import care.securebase.events.CheckInSent;
import care.securebase.events.ReferralOverdue;
import care.securebase.events.ReferralSent;
import care.securebase.events.ReferralStatusChanged;
import care.securebase.events.ReminderSent;
import care.securebase.kit.outbox.IncomingEvents;
import care.securebase.sessions.service.NeighbourEventsService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Referral and reminder news for the episode timeline and the caseload's flags, and which check-ins
 * were sent. Failures are retried like intake events: the partition waits rather than lose one.
 */
@ApplicationScoped
public class NeighbourEventsConsumer {

    private final IncomingEvents events;
    private final NeighbourEventsService service;

    public NeighbourEventsConsumer(IncomingEvents events, NeighbourEventsService service) {
        this.events = events;
        this.service = service;
    }

    @Incoming("referrals-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onReferralEvents(ConsumerRecords<String, String> records, IncomingKafkaRecordBatchMetadata<String, String> metadata) {
        events.each("NeighbourEventsConsumer.onReferralEvent", records, metadata, this::onReferralEvent);
    }

    private void onReferralEvent(String json) {
        events.parse(json).ifPresent(received -> {
            var id = received.envelope().id();
            var at = received.envelope().time();
            if (id == null) {
                return;
            }
            switch (received.type()) {
                case REFERRAL_SENT -> received.readablePayload(ReferralSent.class)
                        .filter(s -> s.referralId() != null && s.clientId() != null)
                        .ifPresent(s -> service.referralSent(id, s, at));
                case REFERRAL_STATUS_CHANGED -> received.readablePayload(ReferralStatusChanged.class)
                        .filter(s -> s.referralId() != null && s.status() != null)
                        .ifPresent(s -> service.statusChanged(id, s, at));
                case REFERRAL_OVERDUE -> received.readablePayload(ReferralOverdue.class)
                        .filter(s -> s.referralId() != null)
                        .ifPresent(s -> service.overdue(id, s, at));
                default -> {
                    // Nothing else on the referrals topic concerns an episode.
                }
            }
        });
    }

    @Incoming("notifications-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onNotificationEvents(ConsumerRecords<String, String> records, IncomingKafkaRecordBatchMetadata<String, String> metadata) {
        events.each("NeighbourEventsConsumer.onNotificationEvent", records, metadata, this::onNotificationEvent);
    }

    private void onNotificationEvent(String json) {
        events.parse(json).ifPresent(received -> {
            var id = received.envelope().id();
            var at = received.envelope().time();
            if (id == null) {
                return;
            }
            switch (received.type()) {
                case REMINDER_SENT -> received.readablePayload(ReminderSent.class)
                        .filter(r -> r.reminderId() != null && r.clientId() != null)
                        .ifPresent(r -> service.reminderSent(id, r, at));
                case CHECK_IN_SENT -> received.readablePayload(CheckInSent.class)
                        .filter(c -> c.checkInId() != null && c.clientId() != null)
                        .ifPresent(c -> service.checkInSent(id, c, at));
                default -> {
                    // Failures and opt-outs are notifications' own business.
                }
            }
        });
    }
}
