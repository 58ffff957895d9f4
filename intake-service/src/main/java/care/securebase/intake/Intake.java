package care.securebase.intake;

import care.securebase.intake.scoring.Triage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A completed intake assessment: what was administered, what it scored, and the triage it led to. */
@Entity
public class Intake extends PanacheEntityBase {

    public enum Modality { INDIVIDUAL, COUPLE, FAMILY }

    /** Recurrent relational themes, coded so they can be counted; the story goes in relationalHistory. */
    public enum RelationalTheme {
        FEAR_OF_ABANDONMENT, CODEPENDENCY, PERFECTIONISM, WITHDRAWAL, PEOPLE_PLEASING, MISTRUST,
        CONFLICT_AVOIDANCE, HOSTILITY_UNDER_STRESS, OTHER
    }

    public enum Relationship { PARTNER, PARENT, CHILD, SIBLING, CAREGIVER, OTHER_FAMILY, OTHER }

    /** Someone else who would attend couple or family sessions. */
    public record Attendee(Relationship relationship, String name) {
    }

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
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Attendee> attendees;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "relational_themes")
    public List<RelationalTheme> relationalThemes;
    @Column(name = "relational_history")
    public String relationalHistory;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> triggers;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "bodily_responses")
    public List<String> bodilyResponses;
    @Column(name = "current_functioning")
    public String currentFunctioning;
    /** What raised the risk flag (an instrument's rule or the clinician's judgement); null if none. */
    @Column(name = "risk_source")
    public String riskSource;
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

}
