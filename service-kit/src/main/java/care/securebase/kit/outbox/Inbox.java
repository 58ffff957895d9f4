package care.securebase.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** A consumer's record of the events it has handled, kept in the same transaction as their effect. */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    public Inbox(EntityManager em) {
        this.em = em;
    }

    /** True the first time an event id is seen; a redelivery answers false and must change nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String type) {
        return em.createNativeQuery("""
                insert into processed_event (event_id, type, handled_at) values (:id, :type, now())
                on conflict do nothing""")
                .setParameter("id", eventId)
                .setParameter("type", type)
                .executeUpdate() == 1;
    }
}
