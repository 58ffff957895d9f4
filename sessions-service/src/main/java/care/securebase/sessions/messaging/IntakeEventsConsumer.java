package care.securebase.sessions.messaging;

import care.securebase.events.IntakeCompleted;
import care.securebase.events.RiskFlagRaised;
import care.securebase.kit.outbox.IncomingEvents;
import care.securebase.sessions.service.EpisodeService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Opens an episode for each completed intake; the other intake events are not ours to act on.
 * A failure to apply an event (the database away, say) is retried, backing off, until it works:
 * the partition waits rather than skip an event that must not be lost.
 */
@ApplicationScoped
public class IntakeEventsConsumer {

    private static final Logger LOG = Logger.getLogger(IntakeEventsConsumer.class);

    private final IncomingEvents events;
    private final EpisodeService episodes;

    public IntakeEventsConsumer(IncomingEvents events, EpisodeService episodes) {
        this.events = events;
        this.episodes = episodes;
    }

    @Incoming("intake-events")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 0)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onIntakeEvents(ConsumerRecords<String, String> records, IncomingKafkaRecordBatchMetadata<String, String> metadata) {
        events.each("IntakeEventsConsumer.onIntakeEvent", records, metadata, this::onIntakeEvent);
    }

    private void onIntakeEvent(String json) {
        events.parse(json).ifPresent(received -> {
            switch (received.type()) {
                case INTAKE_COMPLETED -> {
                    IntakeCompleted intake = received.readablePayload(IntakeCompleted.class).orElse(null);
                    if (intake == null) {
                        return;
                    }
                    if (received.envelope().id() == null || intake.intakeId() == null || intake.clientId() == null || intake.clinicId() == null
                            || intake.clinicianId() == null) {
                        LOG.warnf("Skipped event %s: event id, intake, client, clinic or clinician missing",
                                received.envelope().id());
                        return;
                    }
                    episodes.openFor(received.envelope().id(), received.type().wireName(),
                            Objects.requireNonNullElse(received.envelope().source(), "intake-service"), intake)
                            .ifPresent(e -> LOG.infof("Opened episode %s for intake %s", e.id, e.intakeId));
                }
                case RISK_FLAG_RAISED -> received.readablePayload(RiskFlagRaised.class)
                        .filter(flag -> flag.clientId() != null && flag.intakeId() != null && flag.level() != null)
                        .ifPresent(flag -> episodes.recordRiskFlag(received.envelope().id(), flag,
                                received.envelope().time()));
                default -> {
                    // client-registered and whatever comes later: nothing for sessions to do.
                }
            }
        });
    }
}
