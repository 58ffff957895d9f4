package care.securebase.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The message that gives a client the link to one check-in of their episode's schedule, once. It
 * knows no instrument, nothing of what is asked: only the check-in's id and its link token, which
 * is kept until the message is settled (it is the credential of the client's page) and then cleared.
 */
@Entity
@Table(name = "check_in_message")
public class CheckInMessage extends ClientMessage {

    @Id
    public UUID id;
    /** Sessions' check-in; the natural key (one message per check-in). */
    @Column(name = "check_in_id")
    public UUID checkInId;
    @Column(name = "episode_id")
    public UUID episodeId;
    /** The link token; null once the message is settled. */
    public String link;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "created_at")
    public Instant createdAt;

    @Override
    public UUID id() {
        return id;
    }

    public static List<CheckInMessage> ofClient(UUID clientId) {
        return list("clientId = ?1 order by dueAt, id", clientId);
    }

    public static Optional<CheckInMessage> ofCheckIn(UUID checkInId) {
        return find("checkInId", checkInId).firstResultOptional();
    }

    /** As {@link BoosterReminder#claimDue}. */
    @SuppressWarnings("unchecked")
    public static List<CheckInMessage> claimDue(Instant now, int max) {
        return getEntityManager().createNativeQuery("""
                select * from check_in_message where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id limit :max for update skip locked""", CheckInMessage.class)
                .setParameter("now", now)
                .setParameter("max", max)
                .getResultList();
    }
}
