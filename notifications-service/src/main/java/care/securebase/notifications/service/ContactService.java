package care.securebase.notifications.service;

import care.securebase.events.ClientRegistered;
import care.securebase.events.ConsentChanged;
import care.securebase.events.EventType;
import care.securebase.kit.outbox.Inbox;
import care.securebase.notifications.ClientContact;
import care.securebase.notifications.ContactChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import care.securebase.notifications.ContactConsent;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ContactService {

    private final Inbox inbox;

    public ContactService(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Keeps the latest contact details per client; events about one client arrive in order (same key). */
    public void record(UUID eventId, ClientRegistered event, Instant eventTime) {
        if (!inbox.firstDelivery(eventId, EventType.CLIENT_REGISTERED.wireName())) {
            return;
        }
        ClientContact found = ClientContact.findById(event.clientId());
        ClientContact contact = found != null ? found : new ClientContact();
        contact.clientId = event.clientId();
        contact.clinicId = event.clinicId();
        contact.preferredName = event.preferredName();
        contact.email = event.email();
        contact.phone = event.phone();
        contact.preferredChannel = ContactChannel.parse(event.preferredChannel());
        contact.language = event.language();
        contact.timeZone = event.timeZone();
        contact.updatedAt = eventTime != null ? eventTime : Instant.now();
        if (found == null) {
            // Persisted once complete: Hibernate inserts the state as it is at persist time.
            contact.persist();
        }
    }

    /** The channel a consent scope covers: CONTACT_EMAIL and CONTACT_SMS; anything else is not ours. */
    public static Optional<ContactChannel> contactChannel(String scope) {
        if (scope == null || !scope.strip().toUpperCase(Locale.ROOT).startsWith("CONTACT_")) {
            return Optional.empty();
        }
        ContactChannel channel = ContactChannel.parse(scope.strip().substring("CONTACT_".length()));
        return channel == ContactChannel.NONE ? Optional.empty() : Optional.of(channel);
    }

    /**
     * Keeps the latest consent per client and channel; an older decision arriving late (it cannot on
     * one partition, but a replay might) does not overwrite a newer one.
     */
    public void consent(UUID eventId, ConsentChanged event, ContactChannel channel, Instant eventTime) {
        if (!inbox.firstDelivery(eventId, EventType.CONSENT_CHANGED.wireName())) {
            return;
        }
        Instant effective = event.effectiveAt() != null ? event.effectiveAt() : eventTime != null ? eventTime : Instant.now();
        ContactConsent.Key key = new ContactConsent.Key(event.clientId(), channel.name());
        ContactConsent found = ContactConsent.findById(key);
        if (found != null && found.effectiveAt.isAfter(effective)) {
            return;
        }
        ContactConsent consent = found != null ? found : new ContactConsent();
        consent.key = key;
        consent.granted = event.granted();
        consent.effectiveAt = effective;
        if (found == null) {
            consent.persist();
        }
    }
}
