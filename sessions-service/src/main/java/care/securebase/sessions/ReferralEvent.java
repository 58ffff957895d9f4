package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
 * A referral of the client's, as the timeline shows it: sent, its status moves, overdue. Codes only, and
 * not the program, which can reveal a clinical need: the portal asks referrals-service for it.
 */
@Entity
@Table(name = "referral_event")
public class ReferralEvent extends PanacheEntityBase {

    public enum Kind { SENT, STATUS_CHANGED, OVERDUE }

    @Id
    public UUID id;
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "episode_id")
    public UUID episodeId;
    @Column(name = "client_id")
    public UUID clientId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "organisation_id")
    public String organisationId;
    public String urgency;
    public String status;
    /** The coded reason or outcome of a status change, or the overdue kind. */
    public String code;
    @Column(name = "by_staff")
    public String byStaff;
    public Instant at;

    public static List<ReferralEvent> ofEpisode(UUID episodeId) {
        return list("episodeId = ?1 order by at, id", episodeId);
    }
}
