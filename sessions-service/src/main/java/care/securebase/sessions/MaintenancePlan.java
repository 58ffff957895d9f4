package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
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

/**
 * The relapse-prevention plan of an episode in maintenance: the client's early warning signs, what
 * helps, who helps, and the booster sessions that check in on it. All of it is clinical text that
 * never leaves this service; events carry only the booster dates.
 */
@Entity
@Table(name = "maintenance_plan")
public class MaintenancePlan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "episode_id")
    public UUID episodeId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "relapse_warning_signs")
    public List<String> relapseWarningSigns;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "coping_tools")
    public List<String> copingTools;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> supports;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Set when the episode leaves maintenance (relapse or discharge); the plan is kept as written. */
    @Column(name = "ended_at")
    public Instant endedAt;

    public List<Booster> boosters() {
        return Booster.list("planId", Sort.by("dueAt"), id);
    }

    /** The plan in force, if the episode is in maintenance. */
    public static Optional<MaintenancePlan> current(UUID episodeId) {
        return find("episodeId = ?1 and endedAt is null", episodeId).firstResultOptional();
    }

    /** The newest plan, in force or ended. */
    public static Optional<MaintenancePlan> latest(UUID episodeId) {
        return find("episodeId", Sort.by("createdAt").descending(), episodeId).firstResultOptional();
    }

    /** Ends the plan and calls off the boosters that have not happened yet; returns those. */
    public List<UUID> end(Instant at) {
        endedAt = at;
        List<Booster> outstanding = Booster.list("planId = ?1 and status = ?2", id, Booster.Status.SCHEDULED);
        outstanding.forEach(b -> b.status = Booster.Status.CANCELLED);
        return outstanding.stream().map(b -> b.id).toList();
    }
}
