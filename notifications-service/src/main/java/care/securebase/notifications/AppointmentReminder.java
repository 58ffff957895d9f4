package care.securebase.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reminder of a scheduled session, a lead time before it, with the link by which the client confirms
 * or asks to cancel, and the clinic's video link for a telehealth session. Links are kept until the
 * reminder is settled, then cleared.
 */
@Entity
@Table(name = "appointment_reminder")
public class AppointmentReminder extends ClientMessage {

    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    /** ISO-8601, e.g. P1D; with sessionId and startsAt the natural key. */
    @Column(name = "lead_time")
    public String leadTime;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "send_at")
    public Instant sendAt;
    /** The confirm / cancel link token; null once settled. */
    public String link;
    @Column(name = "video_link")
    public String videoLink;
    @Column(name = "created_at")
    public Instant createdAt;

    @Override
    public UUID id() {
        return id;
    }

    public static List<AppointmentReminder> ofClient(UUID clientId) {
        return list("clientId = ?1 order by sendAt, leadTime", clientId);
    }

    public static List<AppointmentReminder> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by startsAt, sendAt", sessionId);
    }

    /** As {@link BoosterReminder#claimDue}. */
    @SuppressWarnings("unchecked")
    public static List<AppointmentReminder> claimDue(Instant now, int max) {
        return getEntityManager().createNativeQuery("""
                select * from appointment_reminder where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id limit :max for update skip locked""", AppointmentReminder.class)
                .setParameter("now", now)
                .setParameter("max", max)
                .getResultList();
    }
}
