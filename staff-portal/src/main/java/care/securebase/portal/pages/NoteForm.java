package care.securebase.portal.pages;

import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.web.Forms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The session note editor. Fields are named like the note's JSON ({@code sections.plan},
 * {@code riskCheck.level}, {@code homework.set}), so the service's field errors land on them. Lists
 * (triggers, skills) are textareas with one entry per line; progress is one row per objective of
 * the treatment plan, in the plan's order.
 */
public class NoteForm {

    /** Every section either format has; the page shows those of the note's format. */
    static final List<String> ALL_SECTIONS = List.of("subjective", "objective", "data", "assessment", "plan");

    @RestForm("sections.subjective") public String subjective;
    @RestForm("sections.objective") public String objective;
    @RestForm("sections.data") public String data;
    @RestForm("sections.assessment") public String assessment;
    @RestForm("sections.plan") public String plan;
    @RestForm public String triggers;
    @RestForm public String regulationSkills;
    @RestForm("rupture.kind") public String ruptureKind;
    @RestForm("rupture.repaired") public String ruptureRepaired;
    @RestForm("rupture.text") public String ruptureText;
    @RestForm("homework.set") public String homeworkSet;
    @RestForm("homework.reviewed") public String homeworkReviewed;
    @RestForm("riskCheck.level") public String riskLevel;
    @RestForm("riskCheck.text") public String riskText;
    @RestForm public List<String> objectiveId;
    @RestForm public List<String> progress;
    /** "save" keeps the draft; "sign" saves and signs. */
    @RestForm public String action;
    /** The tick that confirms signing: a signed note cannot change any more. */
    @RestForm public String confirmSign;

    /** One objective of the treatment plan with what the note says about it. */
    public record ProgressRow(int index, String objectiveId, String description, String progress) {
    }

    public boolean signing() {
        return "sign".equals(action);
    }

    public boolean confirmed() {
        return "yes".equals(confirmSign);
    }

    public String section(String name) {
        return switch (name) {
            case "subjective" -> subjective;
            case "objective" -> objective;
            case "data" -> data;
            case "assessment" -> assessment;
            case "plan" -> plan;
            default -> null;
        };
    }

    /** The form filled with a saved draft. */
    static NoteForm of(ClinicalApi.NoteContent content) {
        NoteForm form = new NoteForm();
        Map<String, String> s = content.sections();
        form.subjective = s.get("subjective");
        form.objective = s.get("objective");
        form.data = s.get("data");
        form.assessment = s.get("assessment");
        form.plan = s.get("plan");
        form.triggers = Forms.joinLines(content.triggers());
        form.regulationSkills = Forms.joinLines(content.regulationSkills());
        if (content.rupture() != null) {
            form.ruptureKind = content.rupture().kind();
            form.ruptureRepaired = content.rupture().repaired() == null ? null : content.rupture().repaired().toString();
            form.ruptureText = content.rupture().text();
        }
        if (content.homework() != null) {
            form.homeworkSet = content.homework().set();
            form.homeworkReviewed = content.homework().reviewed();
        }
        if (content.riskCheck() != null) {
            form.riskLevel = content.riskCheck().level();
            form.riskText = content.riskCheck().text();
        }
        form.objectiveId = new ArrayList<>();
        form.progress = new ArrayList<>();
        for (ClinicalApi.ObjectiveProgress p : content.objectiveProgress()) {
            form.objectiveId.add(p.objectiveId());
            form.progress.add(p.progress());
        }
        return form;
    }

    /** The plan's objectives (those not discontinued), each with the progress written for it. */
    public List<ProgressRow> progressRows(List<ClinicalApi.Objective> objectives) {
        Map<String, String> written = new LinkedHashMap<>();
        if (objectiveId != null) {
            for (int i = 0; i < objectiveId.size(); i++) {
                String text = progress != null && i < progress.size() ? progress.get(i) : null;
                if (objectiveId.get(i) != null && text != null) {
                    written.put(objectiveId.get(i), text);
                }
            }
        }
        List<ProgressRow> rows = new ArrayList<>();
        for (ClinicalApi.Objective o : objectives) {
            if (o.id() != null && (!"DISCONTINUED".equals(o.status()) || written.containsKey(o.id()))) {
                rows.add(new ProgressRow(rows.size(), o.id(), o.description(), written.getOrDefault(o.id(), "")));
            }
        }
        return rows;
    }

    /** The content for the service, only the sections of the note's format; empty parts are left out. */
    ClinicalApi.NoteContent toContent(List<String> sections) {
        Map<String, String> bySection = new LinkedHashMap<>();
        for (String name : sections) {
            String text = Forms.orNull(section(name));
            if (text != null) {
                bySection.put(name, text);
            }
        }
        ClinicalApi.Rupture rupture = Forms.orNull(ruptureKind) == null && Forms.orNull(ruptureText) == null ? null
                : new ClinicalApi.Rupture(Forms.orNull(ruptureKind), Forms.orNull(ruptureRepaired) == null ? null
                : "true".equals(ruptureRepaired), Forms.orNull(ruptureText));
        ClinicalApi.Homework homework = Forms.allBlank(homeworkSet, homeworkReviewed) ? null
                : new ClinicalApi.Homework(Forms.orNull(homeworkSet), Forms.orNull(homeworkReviewed));
        ClinicalApi.RiskCheck risk = Forms.allBlank(riskLevel, riskText) ? null
                : new ClinicalApi.RiskCheck(Forms.orNull(riskLevel), Forms.orNull(riskText));
        List<ClinicalApi.ObjectiveProgress> progressList = new ArrayList<>();
        if (objectiveId != null) {
            for (int i = 0; i < objectiveId.size(); i++) {
                String text = progress != null && i < progress.size() ? Forms.orNull(progress.get(i)) : null;
                if (Forms.orNull(objectiveId.get(i)) != null && text != null) {
                    progressList.add(new ClinicalApi.ObjectiveProgress(objectiveId.get(i).strip(), text));
                }
            }
        }
        return new ClinicalApi.NoteContent(bySection, Forms.lines(triggers), rupture, Forms.lines(regulationSkills),
                homework, risk, progressList);
    }
}
