package care.securebase.notifications;

import care.securebase.events.DomainEvent;
import care.securebase.events.EventEnvelope;
import care.securebase.kit.testing.TestKafka;
import java.time.Instant;
import java.util.UUID;

/** Publishing for the end-to-end tests: every event is sent twice, as a redelivery would. */
final class Events {

    private Events() {
    }

    static EventEnvelope publishTwice(String topic, DomainEvent payload) {
        EventEnvelope envelope = EventEnvelope.wrap(payload, UUID.randomUUID(), Instant.now(), TestKafka.MAPPER);
        TestKafka.publish(topic, envelope);
        TestKafka.publish(topic, envelope);
        return envelope;
    }

    static String uniqueAddress(String who, String domain) {
        return who + "-" + UUID.randomUUID() + "@" + domain;
    }
}
