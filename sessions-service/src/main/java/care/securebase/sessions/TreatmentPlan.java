package care.securebase.sessions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the client and clinician agreed to work on: goals in the client's own words, measurable
 * objectives with their milestones, the interventions chosen, and when to review. Clinical text:
 * stored as JSON in {@code treatment_plan_version.content}, never logged or published.
 */
@Schema(name = "TreatmentPlanContent")
public record TreatmentPlan(
        @NotEmpty @Size(max = 20) @Schema(examples = "[\"I want to stop panicking when Sam is late\"]")
        List<@NotBlank @Size(max = 2000) String> goals,
        @Size(max = 30) @Schema(description = "Left out: none yet") List<@NotNull @Valid Objective> objectives,
        @Size(max = 20) @Schema(description = "Left out: none yet") List<@NotNull @Valid Intervention> interventions,
        @Schema(description = "When the plan is next reviewed", examples = "2030-06-30") LocalDate reviewBy) {

    public enum ObjectiveStatus { NOT_STARTED, IN_PROGRESS, ACHIEVED, DISCONTINUED }

    public enum InterventionKind {
        EMOTIONALLY_FOCUSED, NARRATIVE, MINDFULNESS, REGULATION_SKILLS, FAMILY_SESSIONS, PARENTAL_COACHING, OTHER
    }

    /**
     * @param id stable across versions: left out for a new objective (one is assigned), repeated to
     *           keep one; notes record progress against it
     */
    @Schema(name = "Objective")
    public record Objective(
            @Size(max = 64) @Schema(description = "Left out for a new objective", examples = "o-3f2a9c") String id,
            @NotBlank @Size(max = 2000) @Schema(examples = "Identify three core triggers") String description,
            @NotNull @Schema(examples = "IN_PROGRESS") ObjectiveStatus status,
            @Schema(examples = "2030-04-30") LocalDate targetDate,
            @Size(max = 30) List<@NotNull @Valid Milestone> milestones) {

        public Objective {
            milestones = milestones == null ? List.of() : milestones;
        }

        public Objective withId(String newId) {
            return new Objective(newId, description, status, targetDate, milestones);
        }
    }

    @Schema(name = "Milestone")
    public record Milestone(@NotBlank @Size(max = 2000) @Schema(examples = "Named a trigger in session") String description,
                            @NotNull @Schema(examples = "2030-02-14") LocalDate reachedOn) {
    }

    @Schema(name = "Intervention")
    public record Intervention(@NotNull @Schema(examples = "EMOTIONALLY_FOCUSED") InterventionKind kind,
                               @Size(max = 500) @Schema(description = "Required for OTHER") String detail) {
    }

    public TreatmentPlan {
        objectives = objectives == null ? List.of() : objectives;
        interventions = interventions == null ? List.of() : interventions;
    }
}
