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

    /** The consents intake records for a client who may be contacted by these channels. */
    static void consents(UUID clientId, String clinicId, String... scopes) {
        for (String scope : scopes) {
            publishTwice("test-intake-events", new care.securebase.events.ConsentChanged(clientId, clinicId,
                    UUID.randomUUID(), scope, true, Instant.now()));
        }
        // Sessions' events come on another topic: the consents must be in before reminders fall due.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                        ContactConsent.count("key.clientId", clientId)) >= scopes.length);
    }

    static String uniqueAddress(String who, String domain) {
        return who + "-" + UUID.randomUUID() + "@" + domain;
    }
}
