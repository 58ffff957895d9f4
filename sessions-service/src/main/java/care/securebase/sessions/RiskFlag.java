package care.securebase.sessions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A risk flag intake raised for a client: its level and the rule that raised it, never an answer. */
@Entity
@Table(name = "risk_flag")
public class RiskFlag extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "intake_id")
    public UUID intakeId;
    public String level;
    public String source;
    @Column(name = "raised_at")
    public Instant raisedAt;

    public static List<RiskFlag> ofClient(UUID clientId) {
        return list("clientId = ?1 order by raisedAt", clientId);
    }
}
