package care.securebase.portal.pages;

import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Forms;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Reviewing a treatment plan: goals in the client's words (one per line), objectives with status,
 * target date and milestones ("2030-02-14 Named a trigger in session", one per line), interventions
 * and the review date. Each objective and intervention row sends every field, so the lists line up;
 * empty rows are left out, and the service's field errors ({@code objectives[1].description}) are
 * shown on the row they came from.
 */
public class PlanForm {

    /** Empty rows offered after the plan's own, for new objectives and interventions. */
    static final int SPARE_ROWS = 2;

    @RestForm public String goals;
    @RestForm public String reviewBy;
    @RestForm public List<String> objectiveId;
    @RestForm public List<String> objectiveDescription;
    @RestForm public List<String> objectiveStatus;
    @RestForm public List<String> objectiveTargetDate;
    @RestForm public List<String> objectiveMilestones;
    @RestForm public List<String> interventionKind;
    @RestForm public List<String> interventionDetail;

    /** @param sent the row's index in the list sent to the service, -1 when left out */
    public record ObjectiveRow(int index, int sent, String id, String description, String status, String targetDate,
                               String milestones) {
        /** The service's name of one of this row's fields, e.g. {@code objectives[2].description}. */
        public String field(String name) {
            return "objectives[" + sent + "]." + name;
        }

        public String anchor(String name) {
            return "objective-" + index + "-" + name;
        }
    }

    public record InterventionRow(int index, int sent, String kind, String detail) {
        public String field(String name) {
            return "interventions[" + sent + "]." + name;
        }
    }

    static PlanForm of(ClinicalApi.TreatmentPlan plan) {
        PlanForm form = new PlanForm();
        form.objectiveId = new ArrayList<>();
        form.objectiveDescription = new ArrayList<>();
        form.objectiveStatus = new ArrayList<>();
        form.objectiveTargetDate = new ArrayList<>();
        form.objectiveMilestones = new ArrayList<>();
        form.interventionKind = new ArrayList<>();
        form.interventionDetail = new ArrayList<>();
        if (plan != null) {
            form.goals = Forms.joinLines(plan.goals());
            form.reviewBy = plan.reviewBy();
            for (ClinicalApi.Objective o : plan.objectives()) {
                form.objectiveId.add(o.id());
                form.objectiveDescription.add(o.description());
                form.objectiveStatus.add(o.status());
                form.objectiveTargetDate.add(o.targetDate());
                form.objectiveMilestones.add(Forms.joinLines(o.milestones().stream()
                        .map(m -> m.reachedOn() + " " + m.description()).toList()));
            }
            for (ClinicalApi.Intervention i : plan.interventions()) {
                form.interventionKind.add(i.kind());
                form.interventionDetail.add(i.detail());
            }
        }
        return form;
    }

    public List<ObjectiveRow> objectiveRows() {
        List<ObjectiveRow> rows = new ArrayList<>();
        int count = Math.max(size(objectiveId), size(objectiveDescription));
        int sent = 0;
        for (int i = 0; i < count + SPARE_ROWS; i++) {
            boolean used = i < count && (Forms.orNull(at(objectiveId, i)) != null
                    || Forms.orNull(at(objectiveDescription, i)) != null);
            String status = at(objectiveStatus, i);
            rows.add(new ObjectiveRow(i, used ? sent++ : -1, at(objectiveId, i), at(objectiveDescription, i),
                    status.isEmpty() ? "NOT_STARTED" : status, at(objectiveTargetDate, i), at(objectiveMilestones, i)));
        }
        return rows;
    }

    public List<InterventionRow> interventionRows() {
        List<InterventionRow> rows = new ArrayList<>();
        int count = Math.max(size(interventionKind), size(interventionDetail));
        int sent = 0;
        for (int i = 0; i < count + SPARE_ROWS; i++) {
            boolean used = i < count && Forms.orNull(at(interventionKind, i)) != null;
            rows.add(new InterventionRow(i, used ? sent++ : -1, at(interventionKind, i), at(interventionDetail, i)));
        }
        return rows;
    }

    /**
     * The plan for the service. A milestone line the portal cannot read (no date first) or an
     * intervention detail without a kind is named in {@code unreadable}, by the service's field name.
     */
    ClinicalApi.TreatmentPlan toPlan(Map<String, String> unreadable) {
        List<ClinicalApi.Objective> objectives = new ArrayList<>();
        for (ObjectiveRow row : objectiveRows()) {
            if (row.sent() < 0) {
                continue;
            }
            List<ClinicalApi.Milestone> milestones = new ArrayList<>();
            for (String line : Forms.lines(row.milestones())) {
                String[] parts = line.split("\\s+", 2);
                try {
                    LocalDate.parse(parts[0]);
                    milestones.add(new ClinicalApi.Milestone(parts.length > 1 ? parts[1] : null, parts[0]));
                } catch (DateTimeParseException e) {
                    unreadable.put(row.field("milestones"), "start each line with the day it was reached, such as "
                            + "2030-02-14 Named a trigger in session");
                }
            }
            objectives.add(new ClinicalApi.Objective(Forms.orNull(row.id()), Forms.orNull(row.description()),
                    Forms.orNull(row.status()), Forms.orNull(row.targetDate()), milestones));
        }
        List<ClinicalApi.Intervention> interventions = new ArrayList<>();
        for (InterventionRow row : interventionRows()) {
            if (row.sent() >= 0) {
                interventions.add(new ClinicalApi.Intervention(row.kind(), Forms.orNull(row.detail())));
            } else if (Forms.orNull(row.detail()) != null) {
                unreadable.put("interventionKind[" + row.index() + "]", "choose the kind of intervention");
            }
        }
        return new ClinicalApi.TreatmentPlan(Forms.lines(goals), objectives, interventions, Forms.orNull(reviewBy));
    }

    /** Labels and anchors of the rows' fields for the error summary. */
    Map<String, FieldErrors.Place> places() {
        Map<String, FieldErrors.Place> places = new LinkedHashMap<>();
        for (ObjectiveRow row : objectiveRows()) {
            if (row.sent() >= 0) {
                String n = "Objective " + (row.index() + 1);
                places.put(row.field("description"), new FieldErrors.Place(n, row.anchor("description")));
                places.put(row.field("status"), new FieldErrors.Place(n + " status", row.anchor("status")));
                places.put(row.field("targetDate"), new FieldErrors.Place(n + " target date", row.anchor("targetDate")));
                places.put(row.field("milestones"), new FieldErrors.Place(n + " milestones", row.anchor("milestones")));
                places.put(row.field("id"), new FieldErrors.Place(n, row.anchor("description")));
            }
        }
        for (InterventionRow row : interventionRows()) {
            String n = "Intervention " + (row.index() + 1);
            places.put(row.field("kind"), new FieldErrors.Place(n, "intervention-" + row.index() + "-kind"));
            places.put(row.field("detail"), new FieldErrors.Place(n + " detail", "intervention-" + row.index() + "-detail"));
            places.put("interventionKind[" + row.index() + "]", new FieldErrors.Place(n, "intervention-" + row.index() + "-kind"));
        }
        places.put("reviewBy", new FieldErrors.Place("Review by", "reviewBy"));
        return places;
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
    }
}
