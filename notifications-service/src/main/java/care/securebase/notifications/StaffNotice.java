package care.securebase.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An e-mail to a member of staff, addressed by staff id: the address is looked up in the staff
 * directory (Keycloak) when it is sent, never carried by the event. Sent at once; quiet hours, when
 * they come, must never hold one back.
 */
@Entity
@Table(name = "staff_notice")
public class StaffNotice extends Delivery {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public StaffNoticeKind kind;
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

    public static List<StaffNotice> ofIntake(UUID intakeId) {
        return list("intakeId = ?1 order by createdAt, id", intakeId);
    }

    /** As {@link BoosterReminder#claimNextDue}. */
    public static Optional<StaffNotice> claimNextDue(Instant now) {
        return claim("status = 'PENDING' and next_attempt_at <= :now", null, now);
    }

    /**
     * Locks one notice that was just recorded, if it is still pending and not being sent by the
     * dispatcher already (SKIP LOCKED), so it goes out at once and only once.
     */
    public static Optional<StaffNotice> claim(UUID id, Instant now) {
        return claim("id = :id and status = 'PENDING' and next_attempt_at <= :now", id, now);
    }

    private static Optional<StaffNotice> claim(String where, UUID id, Instant now) {
        var query = getEntityManager().createNativeQuery("select * from staff_notice where " + where
                + " order by next_attempt_at, id limit 1 for update skip locked", StaffNotice.class)
                .setParameter("now", now);
        if (id != null) {
            query.setParameter("id", id);
        }
        @SuppressWarnings("unchecked")
        List<StaffNotice> rows = query.getResultList();
        return rows.stream().findFirst();
    }
}
