package care.securebase.intake.service;

import care.securebase.events.ConsentChanged;
import care.securebase.events.ContactOptedOut;
import care.securebase.events.EventType;
import care.securebase.intake.Client;
import care.securebase.intake.Consent;
import care.securebase.kit.outbox.Inbox;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ConsentService {

    public record NewConsent(Consent.Scope scope, boolean granted, Consent.RecordedFor recordedFor, String formVersion) {
    }

    /** Who revoked a contact consent when the client used a message's opt-out link. */
    static final String OPT_OUT_LINK = "client-opt-out-link";

    private final Outbox outbox;
    private final Inbox inbox;
    private final Caller caller;
    private final ClinicCalendar calendar;

    public ConsentService(Outbox outbox, Inbox inbox, Caller caller, ClinicCalendar calendar) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.caller = caller;
        this.calendar = calendar;
    }

    public Consent record(UUID clientId, NewConsent consent) {
        return record(lockedVisible(clientId), consent, "recordedFor");
    }

    /** Supersedes the consent in force for the scope, if any. {@code recordedForField} names the field in errors. */
    Consent record(Client client, NewConsent request, String recordedForField) {
        if (request.recordedFor() == Consent.RecordedFor.GUARDIAN && !client.hasGuardian()) {
            throw new InvalidFieldException(recordedForField, "the client has no guardian on record");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID();
        consent.clientId = client.id;
        consent.clinicId = client.clinicId;
        consent.scope = request.scope();
        consent.granted = request.granted();
        consent.recordedFor = request.recordedFor();
        consent.recordedBy = caller.id();
        consent.recordedAt = calendar.now();
        consent.formVersion = request.formVersion();

        Consent.currentFor(client.id, request.scope()).ifPresent(previous -> {
            previous.supersededAt = consent.recordedAt;
            previous.supersededBy = consent.id;
            // Hibernate inserts before it updates; the one-in-force index needs the old row closed first.
            Consent.flush();
        });
        consent.persist();
        outbox.publish(new ConsentChanged(client.id, client.clinicId, consent.id, consent.scope.name(),
                consent.granted, consent.recordedAt));
        return consent;
    }

    public Consent revoke(UUID clientId, UUID consentId, String reason) {
        Client client = lockedVisible(clientId);
        Consent consent = Consent.<Consent>findByIdOptional(consentId)
                .filter(c -> c.clientId.equals(client.id)).orElseThrow(NotFoundException::new);
        if (!consent.current()) {
            throw new ConflictException("Only the consent in force can be revoked; this one was "
                    + (consent.revokedAt != null ? "revoked" : "superseded") + " already");
        }
        Instant now = calendar.now();
        consent.revokedAt = now;
        consent.revokedBy = caller.id();
        consent.revokeReason = reason;
        outbox.publish(new ConsentChanged(client.id, client.clinicId, consent.id, consent.scope.name(), false, now));
        return consent;
    }

    /**
     * A client opted out through a message's link (notifications-service): the consent to be contacted
     * by that channel ends here too, so the record staff read and every other service agree.
     */
    public void optedOut(UUID eventId, ContactOptedOut event) {
        if (!inbox.firstDelivery(eventId, EventType.CONTACT_OPTED_OUT.wireName())) {
            return;
        }
        Consent.Scope scope;
        try {
            scope = Consent.Scope.valueOf("CONTACT_" + event.channel());
        } catch (IllegalArgumentException | NullPointerException unknownChannel) {
            return;
        }
        Client client = Client.<Client>findByIdOptional(event.clientId(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (client == null) {
            return;
        }
        Consent.currentFor(client.id, scope).filter(c -> c.granted).ifPresent(consent -> {
            Instant now = calendar.now();
            consent.revokedAt = now;
            consent.revokedBy = OPT_OUT_LINK;
            outbox.publish(new ConsentChanged(client.id, client.clinicId, consent.id, scope.name(), false, now));
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consent> history(UUID clientId) {
        visible(clientId);
        return Consent.historyOf(clientId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Consent visible(UUID clientId, UUID consentId) {
        Client client = visible(clientId);
        return Consent.<Consent>findByIdOptional(consentId).filter(c -> c.clientId.equals(client.id))
                .orElseThrow(NotFoundException::new);
    }

    /** Serialises consent changes of one client: at most one consent in force per scope. */
    private Client lockedVisible(UUID clientId) {
        Client client = visible(clientId);
        Client.getEntityManager().lock(client, LockModeType.PESSIMISTIC_WRITE);
        return client;
    }

    private Client visible(UUID clientId) {
        Client client = Client.<Client>findByIdOptional(clientId).orElseThrow(NotFoundException::new);
        if (!caller.canSeeClinic(client.clinicId)) {
            throw new NotFoundException();
        }
        return client;
    }
}
