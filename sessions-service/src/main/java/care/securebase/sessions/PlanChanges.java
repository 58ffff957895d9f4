package care.securebase.sessions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a new treatment-plan version changed, in field terms only ("objectives[o-1]: status,
 * milestones changed", "goals: 1 added"): the review record says who changed what without
 * repeating the plan's words.
 */
public final class PlanChanges {

    private PlanChanges() {
    }

    public static List<String> between(TreatmentPlan before, TreatmentPlan after) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            changes.add("created: " + after.goals().size() + " goals, " + after.objectives().size() + " objectives, "
                    + after.interventions().size() + " interventions");
            return changes;
        }
        int goalsAdded = (int) after.goals().stream().filter(g -> !before.goals().contains(g)).count();
        int goalsRemoved = (int) before.goals().stream().filter(g -> !after.goals().contains(g)).count();
        if (goalsAdded + goalsRemoved > 0) {
            changes.add("goals: " + goalsAdded + " added, " + goalsRemoved + " removed");
        }
        Map<String, TreatmentPlan.Objective> old = byId(before.objectives());
        Map<String, TreatmentPlan.Objective> now = byId(after.objectives());
        for (var o : now.values()) {
            TreatmentPlan.Objective was = old.get(o.id());
            if (was == null) {
                changes.add("objectives[" + o.id() + "]: added");
                continue;
            }
            List<String> fields = new ArrayList<>();
            if (!Objects.equals(was.description(), o.description())) {
                fields.add("description");
            }
            if (was.status() != o.status()) {
                fields.add("status " + was.status() + " -> " + o.status());
            }
            if (!Objects.equals(was.targetDate(), o.targetDate())) {
                fields.add("targetDate");
            }
            if (!Objects.equals(was.milestones(), o.milestones())) {
                int reached = o.milestones().size() - was.milestones().size();
                fields.add(reached > 0 ? "milestones: " + reached + " reached" : "milestones");
            }
            if (!fields.isEmpty()) {
                changes.add("objectives[" + o.id() + "]: " + String.join(", ", fields) + " changed");
            }
        }
        old.keySet().stream().filter(id -> !now.containsKey(id))
                .forEach(id -> changes.add("objectives[" + id + "]: removed"));
        Set<TreatmentPlan.InterventionKind> kindsBefore = kinds(before);
        Set<TreatmentPlan.InterventionKind> kindsAfter = kinds(after);
        kindsAfter.stream().filter(k -> !kindsBefore.contains(k)).sorted()
                .forEach(k -> changes.add("interventions: " + k + " added"));
        kindsBefore.stream().filter(k -> !kindsAfter.contains(k)).sorted()
                .forEach(k -> changes.add("interventions: " + k + " removed"));
        if (kindsBefore.equals(kindsAfter) && !before.interventions().equals(after.interventions())) {
            changes.add("interventions: details changed");
        }
        if (!Objects.equals(before.reviewBy(), after.reviewBy())) {
            changes.add("reviewBy changed");
        }
        return changes;
    }

    private static Map<String, TreatmentPlan.Objective> byId(List<TreatmentPlan.Objective> objectives) {
        return objectives.stream().collect(Collectors.toMap(TreatmentPlan.Objective::id, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    private static Set<TreatmentPlan.InterventionKind> kinds(TreatmentPlan plan) {
        return new HashSet<>(plan.interventions().stream().map(TreatmentPlan.Intervention::kind).toList());
    }
}
