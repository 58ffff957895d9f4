package care.securebase.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice to a member of staff, addressed by staff id. Every notice shows in the recipient's
 * in-portal inbox; those with channel EMAIL are also mailed, the address looked up in the staff
 * directory (Keycloak) when sent, never carried by an event. Sent at once; quiet hours never apply.
 */
@Entity
@Table(name = "staff_notice")
public class StaffNotice extends Delivery {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public StaffNoticeKind kind;
    /** What it is about: the intake, booster, referral, client or failed delivery. */
    @Column(name = "subject_id")
    public UUID subjectId;
    /** Tells apart notices of one kind about one subject (e.g. UNANSWERED / NOT_STARTED); "" if none. */
    public String variant;
    /** EMAIL (mailed and in the inbox) or PORTAL (inbox only). */
    public String channel;
    @Column(name = "intake_id")
    public UUID intakeId;
    /** The staff id (Keycloak username); null when there was nobody to tell. */
    public String recipient;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "created_at")
    public Instant createdAt;
    /** When the event asking for it happened (a risk flag's raising); null for notices raised here. */
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "read_at")
    public Instant readAt;

    public static final String EMAIL = "EMAIL";
    public static final String PORTAL = "PORTAL";

    public static List<StaffNotice> about(UUID subjectId) {
        return list("subjectId = ?1 order by createdAt, id", subjectId);
    }

    public static List<StaffNotice> ofIntake(UUID intakeId) {
        return list("intakeId = ?1 order by createdAt, id", intakeId);
    }

    /** As {@link BoosterReminder#claimDue}. */
    public static List<StaffNotice> claimDue(Instant now, int max) {
        return claim("status = 'PENDING' and next_attempt_at <= :now and channel = 'EMAIL'", null, now, max);
    }

    /**
     * Locks a notice that was just recorded (a list of it, or none), if it is still pending and not being
     * sent by the dispatcher already (SKIP LOCKED), so it goes out at once and only once.
     */
    public static List<StaffNotice> claim(UUID id, Instant now) {
        return claim("id = :id and status = 'PENDING' and next_attempt_at <= :now and channel = 'EMAIL'", id, now, 1);
    }

    @SuppressWarnings("unchecked")
    private static List<StaffNotice> claim(String where, UUID id, Instant now, int max) {
        var query = getEntityManager().createNativeQuery("select * from staff_notice where " + where
                + " order by next_attempt_at, id limit :max for update skip locked", StaffNotice.class)
                .setParameter("now", now)
                .setParameter("max", max);
        if (id != null) {
            query.setParameter("id", id);
        }
        return query.getResultList();
    }
}
