package care.securebase.notifications.service;

import care.securebase.events.ClientRegistered;
import care.securebase.events.EventType;
import care.securebase.kit.outbox.Inbox;
import care.securebase.notifications.ClientContact;
import care.securebase.notifications.ContactChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
}
