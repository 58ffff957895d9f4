package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One move of an episode's phase. The reason is the clinician's words and stays in this service. */
@Entity
@Table(name = "episode_phase_change")
public class PhaseChange extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "episode_id")
    public UUID episodeId;
    /** Null for the opening of the episode. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_phase")
    public Phase fromPhase;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_phase")
    public Phase toPhase;
    public String reason;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;
}
