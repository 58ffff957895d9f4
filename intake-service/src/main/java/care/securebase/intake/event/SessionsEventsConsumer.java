package care.securebase.intake.event;

import care.securebase.events.EpisodeDischarged;
import care.securebase.events.EventType;
import care.securebase.intake.service.AssignmentService;
import care.securebase.kit.outbox.IncomingEvents;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Listens to sessions for discharges, which free caseload places for waiting clients. A failure to
 * apply one is retried, backing off, until it works: the partition waits rather than skip it.
 */
@ApplicationScoped
public class SessionsEventsConsumer {

    private final IncomingEvents events;
    private final AssignmentService assignments;

    public SessionsEventsConsumer(IncomingEvents events, AssignmentService assignments) {
        this.events = events;
        this.assignments = assignments;
    }

    @Incoming("sessions-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onSessionsEvents(ConsumerRecords<String, String> records, IncomingKafkaRecordBatchMetadata<String, String> metadata) {
        events.each("SessionsEventsConsumer.onSessionsEvent", records, metadata, this::onSessionsEvent);
    }

    private void onSessionsEvent(String json) {
        events.parse(json).filter(e -> e.type() == EventType.EPISODE_DISCHARGED)
                .ifPresent(e -> e.readablePayload(EpisodeDischarged.class)
                        .ifPresent(discharged -> assignments.discharged(e.envelope().id(), discharged)));
    }
}
