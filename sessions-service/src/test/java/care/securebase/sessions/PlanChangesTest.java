package care.securebase.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.sessions.TreatmentPlan.Intervention;
import care.securebase.sessions.TreatmentPlan.InterventionKind;
import care.securebase.sessions.TreatmentPlan.Milestone;
import care.securebase.sessions.TreatmentPlan.Objective;
import care.securebase.sessions.TreatmentPlan.ObjectiveStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanChangesTest {

    private static final Objective TRUST = new Objective("o-1", "secret words A", ObjectiveStatus.IN_PROGRESS,
            LocalDate.of(2030, 4, 1), List.of());
    private static final Objective TRIGGERS = new Objective("o-2", "secret words B", ObjectiveStatus.NOT_STARTED,
            null, List.of());

    @Test
    void theFirstVersionSaysWhatItHolds() {
        TreatmentPlan plan = new TreatmentPlan(List.of("secret goal"), List.of(TRUST), List.of(), null);
        assertEquals(List.of("created: 1 goals, 1 objectives, 0 interventions"), PlanChanges.between(null, plan));
    }

    @Test
    void aReviewListsChangedFieldsWithoutTheirWords() {
        TreatmentPlan before = new TreatmentPlan(List.of("goal one", "goal two"), List.of(TRUST, TRIGGERS),
                List.of(new Intervention(InterventionKind.NARRATIVE, null)), LocalDate.of(2030, 6, 1));
        Objective reached = new Objective("o-1", "secret words A", ObjectiveStatus.ACHIEVED, LocalDate.of(2030, 4, 1),
                List.of(new Milestone("secret milestone", LocalDate.of(2030, 3, 1))));
        Objective added = new Objective("o-3", "secret words C", ObjectiveStatus.NOT_STARTED, null, List.of());
        TreatmentPlan after = new TreatmentPlan(List.of("goal one", "goal three"), List.of(reached, added),
                List.of(new Intervention(InterventionKind.MINDFULNESS, null)), LocalDate.of(2030, 9, 1));

        List<String> changes = PlanChanges.between(before, after);
        assertEquals(List.of("goals: 1 added, 1 removed",
                "objectives[o-1]: status IN_PROGRESS -> ACHIEVED, milestones: 1 reached changed",
                "objectives[o-3]: added",
                "objectives[o-2]: removed",
                "interventions: MINDFULNESS added",
                "interventions: NARRATIVE removed",
                "reviewBy changed"), changes);
        changes.forEach(c -> assertEquals(false, c.contains("secret")));
    }

    @Test
    void anUnchangedPlanHasNoChanges() {
        TreatmentPlan plan = new TreatmentPlan(List.of("g"), List.of(TRUST), List.of(), null);
        assertEquals(List.of(), PlanChanges.between(plan, plan));
    }
}
