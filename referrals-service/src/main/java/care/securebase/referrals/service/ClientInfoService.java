package care.securebase.referrals.service;

import care.securebase.events.ClientRegistered;
import care.securebase.events.ConsentChanged;
import care.securebase.kit.outbox.Inbox;
import care.securebase.referrals.ClientConsent;
import care.securebase.referrals.ClientContact;
import care.securebase.referrals.Program;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralCodes;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.ReferralStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What intake tells this service about clients: their consent to share with each kind of partner,
 * and the few details a partner may be shown. A revoked consent withdraws the client's referrals
 * held by that kind of partner; drafts stay, but cannot be sent until consent is given again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ClientInfoService {

    /** Who withdraws referrals on the client's behalf when consent ends. */
    public static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(ClientInfoService.class);

    private final Inbox inbox;
    private final ReferralEvents events;
    private final Clock clock;

    public ClientInfoService(Inbox inbox, ReferralEvents events, Clock clock) {
        this.inbox = inbox;
        this.events = events;
        this.clock = clock;
    }

    public void consentChanged(UUID eventId, ConsentChanged change) {
        if (!inbox.firstDelivery(eventId, "consent-changed")) {
            return;
        }
        Optional<Program.Kind> kind = ClientConsent.kindOf(change.scope());
        if (kind.isEmpty() || change.clientId() == null || change.effectiveAt() == null) {
            return; // treatment, contact channels, or a kind of partner this directory does not have
        }
        Instant now = Clocks.now(clock);
        ClientConsent.Id id = new ClientConsent.Id(change.clientId(), change.scope());
        ClientConsent consent = ClientConsent.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (consent != null && consent.effectiveAt.isAfter(change.effectiveAt())) {
            return; // an older announcement arriving late never overrides a newer one
        }
        if (consent == null) {
            consent = new ClientConsent();
            consent.id = id;
            consent.clinicId = change.clinicId();
            consent.consentId = change.consentId();
            consent.granted = change.granted();
            consent.effectiveAt = change.effectiveAt();
            consent.updatedAt = now;
            consent.persist();
        } else {
            consent.clinicId = change.clinicId();
            consent.consentId = change.consentId();
            consent.granted = change.granted();
            consent.effectiveAt = change.effectiveAt();
            consent.updatedAt = now;
        }
        // Flushed before looking for referrals: a send waiting on this row sees the revocation.
        ClientConsent.flush();
        if (!change.granted()) {
            withdraw(change.clientId(), kind.get(), now);
        }
    }

    public void clientRegistered(UUID eventId, ClientRegistered client) {
        if (!inbox.firstDelivery(eventId, "client-registered")) {
            return;
        }
        if (client.clientId() == null || client.clinicId() == null) {
            return;
        }
        ClientContact contact = ClientContact.findById(client.clientId(), LockModeType.PESSIMISTIC_WRITE);
        boolean created = contact == null;
        if (created) {
            contact = new ClientContact();
            contact.clientId = client.clientId();
        }
        contact.clinicId = client.clinicId();
        contact.preferredName = client.preferredName();
        contact.email = client.email();
        contact.phone = client.phone();
        contact.language = client.language();
        contact.updatedAt = Clocks.now(clock);
        if (created) {
            contact.persist();
        }
    }

    /** Each referral the partner holds is cancelled by the system, with its own event. */
    private void withdraw(UUID clientId, Program.Kind kind, Instant now) {
        var withdrawn = Referral.ofClientAndKind(clientId, kind, ReferralStatus.WITH_PARTNER);
        for (Referral referral : withdrawn) {
            ReferralStep step = referral.moveTo(ReferralStatus.CANCELLED, ReferralStatus.Party.SYSTEM, SYSTEM,
                    Referral.Details.code(ReferralCodes.CancelReason.CONSENT_REVOKED.name()), now);
            referral.forgetSharedClientDetails();
            step.persist();
            events.statusChanged(referral, step);
        }
        if (!withdrawn.isEmpty()) {
            LOG.infof("Withdrew %d referral(s) after consent %s was revoked", withdrawn.size(),
                    ClientConsent.scopeFor(kind));
        }
    }
}
