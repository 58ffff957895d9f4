package care.securebase.notifications.optout;

import care.securebase.events.ContactOptedOut;
import care.securebase.kit.outbox.Outbox;
import care.securebase.notifications.ClientContact;
import care.securebase.notifications.StaffNoticeKind;
import care.securebase.notifications.service.StaffNoticeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class OptOutService {

    private static final Logger LOG = Logger.getLogger(OptOutService.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final StaffNoticeService staffNotices;
    private final Clock clock;

    public OptOutService(EntityManager em, Outbox outbox, StaffNoticeService staffNotices, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.staffNotices = staffNotices;
        this.clock = clock;
    }

    /**
     * Records the opt-out once; the first time it is announced ({@code contact-opted-out}) and the
     * clinic's clinic-admins see it in their inbox. Following the link again changes nothing.
     *
     * @return true the first time
     */
    public boolean optOut(OptOutTokens.Claims claims) {
        ClientContact contact = ClientContact.findById(claims.clientId());
        if (contact == null) {
            // Only a client we messaged has a link, so we know them; a signed link for an unknown one is
            // not worth a row without a clinic.
            LOG.warnf("Opt-out for a client this service does not know (%s)", claims.clientId());
            return false;
        }
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("""
                insert into contact_opt_out (client_id, channel, clinic_id, opted_out_at)
                values (:client, :channel, :clinic, :now) on conflict do nothing""")
                .setParameter("client", claims.clientId())
                .setParameter("channel", claims.channel().name())
                .setParameter("clinic", contact.clinicId)
                .setParameter("now", now)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        outbox.publish(new ContactOptedOut(claims.clientId(), contact.clinicId, claims.channel().name()));
        staffNotices.tellClinicAdmins(StaffNoticeKind.CONTACT_OPTED_OUT, claims.clientId(), claims.channel().name(),
                contact.clinicId, claims.clientId());
        LOG.infof("Client %s opted out of %s", claims.clientId(), claims.channel());
        return true;
    }
}
