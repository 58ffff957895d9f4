package care.securebase.intake;

import care.securebase.intake.scoring.Phq9;
import care.securebase.intake.scoring.Triage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A completed intake assessment: what was administered, what it scored, and the triage it led to. */
@Entity
public class Intake extends PanacheEntityBase {

    public enum Modality { INDIVIDUAL, COUPLE, FAMILY }

    @Id
    public UUID id;
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "clinician_id")
    public String clinicianId;
    @Enumerated(EnumType.STRING)
    public Modality modality;
    @Column(name = "presenting_concerns")
    public String presentingConcerns;
    @Column(name = "phq9_answers")
    public String phq9Answers;
    @Column(name = "phq9_total")
    public int phq9Total;
    @Column(name = "phq9_band")
    public String phq9Band;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    public Triage.RiskLevel riskLevel;
    /** The priority in force: the proposal, or the coordinator's override. */
    @Enumerated(EnumType.STRING)
    public Triage.Priority priority;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_priority")
    public Triage.Priority proposedPriority;
    @Column(name = "priority_override_reason")
    public String priorityOverrideReason;
    @Column(name = "priority_overridden_by")
    public String priorityOverriddenBy;
    @Column(name = "priority_overridden_at")
    public Instant priorityOverriddenAt;
    @Column(name = "completed_by")
    public String completedBy;
    @Column(name = "completed_at")
    public Instant completedAt;

    public void overridePriority(Triage.Priority newPriority, String reason, String by, Instant at) {
        priority = newPriority;
        priorityOverrideReason = reason;
        priorityOverriddenBy = by;
        priorityOverriddenAt = at;
    }

    public void record(Phq9.Result phq9) {
        phq9Answers = phq9.answersAsText();
        phq9Total = phq9.total();
        phq9Band = phq9.band().label();
    }
}
