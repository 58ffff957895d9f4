package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Something on a client that asks for the clinician's attention until a clinician clears it. */
@Entity
public class Flag extends PanacheEntityBase {

    public enum Kind { RISK, DETERIORATION, MISSED_BOOSTER, WARNING_SIGN, OVERDUE_REFERRAL, MISSED_CHECK_INS }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** Null while the client has no current episode (a risk flag raised on the waiting list). */
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    /** What raised it: the booster, referral, risk flag or administration. */
    @Column(name = "source_ref")
    public UUID sourceRef;
    /** Coded, never clinical text: e.g. "HIGH CSSRS_SCREEN", "PHQ-9 total", "UNANSWERED". */
    public String detail;
    @Column(name = "raised_at")
    public Instant raisedAt;
    @Column(name = "cleared_at")
    public Instant clearedAt;
    @Column(name = "cleared_by")
    public String clearedBy;

    /**
     * Raises a flag unless the same one (kind, episode, source, detail) is still open: a repeated
     * signal is one thing to look at, not two.
     */
    public static Flag raise(Kind kind, UUID episodeId, UUID clientId, String clinicId, UUID sourceRef, String detail,
                             Instant at) {
        Flag same = openSame(kind, episodeId, clientId, sourceRef, detail);
        if (same != null) {
            return same;
        }
        Flag flag = new Flag();
        flag.id = UUID.randomUUID();
        flag.kind = kind;
        flag.episodeId = episodeId;
        flag.clientId = clientId;
        flag.clinicId = clinicId;
        flag.sourceRef = sourceRef;
        flag.detail = detail;
        flag.raisedAt = at;
        flag.persist();
        return flag;
    }

    /** The same flag still open, or null. */
    public static Flag openSame(Kind kind, UUID episodeId, UUID clientId, UUID sourceRef, String detail) {
        List<Flag> open = list("kind = ?1 and clientId = ?2 and clearedAt is null", kind, clientId);
        for (Flag f : open) {
            if (Objects.equals(f.episodeId, episodeId) && Objects.equals(f.sourceRef, sourceRef)
                    && Objects.equals(f.detail, detail)) {
                return f;
            }
        }
        return null;
    }

    public static List<Flag> ofEpisode(UUID episodeId) {
        return list("episodeId = ?1 order by raisedAt, id", episodeId);
    }
}
