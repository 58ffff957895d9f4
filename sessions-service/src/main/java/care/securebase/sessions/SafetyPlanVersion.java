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

/** One version of a client's safety plan. */
@Entity
@Table(name = "safety_plan_version")
public class SafetyPlanVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    public int version;
    @JdbcTypeCode(SqlTypes.JSON)
    public SafetyPlan content;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_at")
    public Instant changedAt;

    public static Optional<SafetyPlanVersion> current(UUID clientId) {
        return find("clientId = ?1 order by version desc", clientId).firstResultOptional();
    }

    public static List<SafetyPlanVersion> ofClient(UUID clientId) {
        return list("clientId = ?1 order by version", clientId);
    }

    public static Optional<SafetyPlanVersion> of(UUID clientId, int version) {
        return find("clientId = ?1 and version = ?2", clientId, version).firstResultOptional();
    }
}
