package care.securebase.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reminder to a client of one booster appointment, a lead time before it. */
@Entity
@Table(name = "booster_reminder")
public class BoosterReminder extends ClientMessage {

    @Id
    public UUID id;
    @Column(name = "booster_id")
    public UUID boosterId;
    /** ISO-8601, e.g. P7D; with boosterId the natural key. */
    @Column(name = "lead_time")
    public String leadTime;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "appointment_at")
    public Instant appointmentAt;
    @Column(name = "send_at")
    public Instant sendAt;
    @Column(name = "created_at")
    public Instant createdAt;

    @Override
    public UUID id() {
        return id;
    }

    public static List<BoosterReminder> ofClient(UUID clientId) {
        return list("clientId = ?1 order by sendAt, leadTime", clientId);
    }

    /**
     * Locks up to {@code max} due reminders, longest due first, for this transaction; rows another
     * instance is sending are skipped, so two dispatchers never send the same reminder.
     */
    @SuppressWarnings("unchecked")
    public static List<BoosterReminder> claimDue(Instant now, int max) {
        return getEntityManager().createNativeQuery("""
                select * from booster_reminder where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id limit :max for update skip locked""", BoosterReminder.class)
                .setParameter("now", now)
                .setParameter("max", max)
                .getResultList();
    }
}
