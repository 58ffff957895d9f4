package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of an episode's treatment plan, with who made it and what it changed. */
@Entity
@Table(name = "treatment_plan_version")
public class TreatmentPlanVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "episode_id")
    public UUID episodeId;
    public int version;
    @JdbcTypeCode(SqlTypes.JSON)
    public TreatmentPlan content;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> changes;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;

    public static Optional<TreatmentPlanVersion> current(UUID episodeId) {
        return find("episodeId = ?1 order by version desc", episodeId).firstResultOptional();
    }

    public static List<TreatmentPlanVersion> ofEpisode(UUID episodeId) {
        return list("episodeId = ?1 order by version", episodeId);
    }

    public static Optional<TreatmentPlanVersion> of(UUID episodeId, int version) {
        return find("episodeId = ?1 and version = ?2", episodeId, version).firstResultOptional();
    }
}
