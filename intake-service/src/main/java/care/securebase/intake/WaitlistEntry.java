package care.securebase.intake;

import care.securebase.intake.scoring.Triage;
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
 * A client waiting for a place at their clinic. The order is priority first (urgent, soon, routine),
 * then who has waited longest; positions are derived, so clients move up as others leave.
 */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "intake_id")
    public UUID intakeId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Enumerated(EnumType.STRING)
    public Triage.Priority priority;
    @Column(name = "added_at")
    public Instant addedAt;

    /** The clinic's waitlist in order; index + 1 is the position. */
    public static List<WaitlistEntry> ofClinic(String clinicId) {
        return list("""
                clinicId = ?1 order by case priority when 'URGENT' then 0 when 'SOON' then 1 else 2 end,
                addedAt, clientId""", clinicId);
    }

    public static int positionOf(WaitlistEntry entry) {
        return ofClinic(entry.clinicId).stream().map(e -> e.clientId).toList().indexOf(entry.clientId) + 1;
    }
}
