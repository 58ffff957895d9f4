package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A session of an episode. */
@Entity
@Table(name = "therapy_session")
public class TherapySession extends PanacheEntityBase {

    public enum Modality { INDIVIDUAL, COUPLE, FAMILY, GROUP }

    /** What the client said by the appointment link. */
    public enum Confirmation { NOT_CONFIRMED, CONFIRMED, CANCEL_REQUESTED }

    public enum AttendeeRole { CLIENT, PARTNER, FAMILY_MEMBER, CAREGIVER }

    /** Someone in the room (or on the call); the name is optional (e.g. "Alex" for a partner). */
    public record Attendee(AttendeeRole role, String name) {
    }

    @Id
    public UUID id;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "clinician_id")
    public String clinicianId;
    @Enumerated(EnumType.STRING)
    public SessionStatus status;
    @Enumerated(EnumType.STRING)
    public Modality modality;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attendee> attendees;
    public boolean telehealth;
    @Column(name = "planned_start")
    public Instant plannedStart;
    @Column(name = "length_minutes")
    public int lengthMinutes;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "status_changed_by")
    public String statusChangedBy;
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;
    /** SHA-256 of the appointment link's nonce; null for a session recorded after the fact. */
    @Column(name = "link_hash")
    public String linkHash;
    @Column(name = "link_used_at")
    public Instant linkUsedAt;
    @Enumerated(EnumType.STRING)
    public Confirmation confirmation = Confirmation.NOT_CONFIRMED;
    @Column(name = "confirmation_at")
    public Instant confirmationAt;
    /** The call's address for a telehealth session (never carries the client's name). */
    @Column(name = "video_link")
    public String videoLink;

    public void moveTo(SessionStatus target, String by, Instant at) {
        status = status.moveTo(target);
        statusChangedBy = by;
        statusChangedAt = at;
    }

    public static List<TherapySession> ofEpisode(UUID episodeId) {
        return list("episodeId", Sort.by("plannedStart").and("id"), episodeId);
    }
}
