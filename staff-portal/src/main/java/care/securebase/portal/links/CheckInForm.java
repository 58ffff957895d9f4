package care.securebase.portal.links;

import care.securebase.portal.api.LinksApi;
import care.securebase.portal.web.Forms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A check-in being filled in, one step per page: each instrument, then the warning signs and coping
 * tools, then the diary. Nothing is kept on the server between pages: every page's form carries the
 * answers of the other steps as hidden fields ({@link #carried}), so the last page sends them all.
 * Answers are read against the check-in's own items and options; anything else is ignored.
 */
public final class CheckInForm {

    public static final String SIGNS = "signs";
    public static final String DIARY = "diary";
    /** sessions-service keeps a diary entry up to this length; the field says so before it is sent. */
    public static final int DIARY_MAX = 5000;

    /** One page of the check-in: an instrument (with its step index among the instruments), the checklist or the diary. */
    public record Step(String kind, int instrumentIndex, LinksApi.Step instrument) {
        public boolean isInstrument() {
            return instrument != null;
        }

        public boolean isSigns() {
            return SIGNS.equals(kind);
        }

        public boolean isDiary() {
            return DIARY.equals(kind);
        }
    }

    /** A hidden field carrying an answer of another step. */
    public record Hidden(String name, String value) {
    }

    private final LinksApi.CheckIn checkIn;
    private final List<Step> steps = new ArrayList<>();
    private final Integer[][] answers;
    private final Set<Integer> warningSigns = new TreeSet<>();
    private final Set<Integer> copingTools = new TreeSet<>();
    private String diary = "";

    private CheckInForm(LinksApi.CheckIn checkIn) {
        this.checkIn = checkIn;
        answers = new Integer[checkIn.steps().size()][];
        for (int i = 0; i < checkIn.steps().size(); i++) {
            LinksApi.Step s = checkIn.steps().get(i);
            steps.add(new Step("instrument", i, s));
            int highest = s.items().stream().mapToInt(LinksApi.Item::number).max().orElse(0);
            answers[i] = new Integer[highest + 1];
        }
        if (!checkIn.warningSigns().isEmpty() || !checkIn.copingTools().isEmpty()) {
            steps.add(new Step(SIGNS, -1, null));
        }
        if (checkIn.diaryPrompt()) {
            steps.add(new Step(DIARY, -1, null));
        }
    }

    public static CheckInForm blank(LinksApi.CheckIn checkIn) {
        return new CheckInForm(checkIn);
    }

    /** What a page's form sent: its own step's fields and the carried ones alike. */
    public static CheckInForm of(LinksApi.CheckIn checkIn, Map<String, List<String>> fields) {
        CheckInForm form = new CheckInForm(checkIn);
        for (int i = 0; i < checkIn.steps().size(); i++) {
            for (LinksApi.Item item : checkIn.steps().get(i).items()) {
                Integer value = number(first(fields, field(i, item.number())));
                if (value != null && item.options().stream().anyMatch(o -> o.value() == value)) {
                    form.answers[i][item.number()] = value;
                }
            }
        }
        for (String v : fields.getOrDefault("warningSign", List.of())) {
            Integer index = number(v);
            if (index != null && checkIn.warningSigns().stream().anyMatch(e -> e.index() == index)) {
                form.warningSigns.add(index);
            }
        }
        for (String v : fields.getOrDefault("copingTool", List.of())) {
            Integer index = number(v);
            if (index != null && checkIn.copingTools().stream().anyMatch(e -> e.index() == index)) {
                form.copingTools.add(index);
            }
        }
        String text = first(fields, "diary");
        form.diary = text == null ? "" : text.length() > DIARY_MAX ? text.substring(0, DIARY_MAX) : text;
        return form;
    }

    /** The form field of an item: step and item number, so instrument codes never need escaping. */
    public static String field(int instrumentIndex, int item) {
        return "a" + instrumentIndex + "_" + item;
    }

    /** {@link #field} for the template. */
    public String name(int instrumentIndex, int item) {
        return field(instrumentIndex, item);
    }

    public boolean isLast(int stepIndex) {
        return stepIndex == steps.size() - 1;
    }

    public int diaryMax() {
        return DIARY_MAX;
    }

    public LinksApi.CheckIn checkIn() {
        return checkIn;
    }

    public List<Step> steps() {
        return steps;
    }

    public int stepCount() {
        return steps.size();
    }

    public Integer answer(int instrumentIndex, int item) {
        Integer[] given = answers[instrumentIndex];
        return item >= 0 && item < given.length ? given[item] : null;
    }

    public boolean answered(int instrumentIndex, int item, int value) {
        Integer a = answer(instrumentIndex, item);
        return a != null && a == value;
    }

    public boolean noticed(int index) {
        return warningSigns.contains(index);
    }

    public boolean used(int index) {
        return copingTools.contains(index);
    }

    public String diary() {
        return diary;
    }

    /** Whether this item must be answered now: not optional, and asked (its condition met). */
    public boolean required(int instrumentIndex, LinksApi.Item item) {
        if (item.optional()) {
            return false;
        }
        LinksApi.Threshold when = item.askedWhen();
        if (when == null) {
            return true;
        }
        Integer a = answer(instrumentIndex, when.item());
        return a != null && a >= when.atLeast();
    }

    /** The questions of a step still to answer, by field, in order; empty for the checklist and diary. */
    public Map<String, String> missing(int stepIndex) {
        Map<String, String> missing = new LinkedHashMap<>();
        Step step = steps.get(stepIndex);
        if (step.isInstrument()) {
            for (LinksApi.Item item : step.instrument().items()) {
                if (required(step.instrumentIndex(), item) && answer(step.instrumentIndex(), item.number()) == null) {
                    missing.put(field(step.instrumentIndex(), item.number()), "Choose an answer to question " + item.number());
                }
            }
        }
        return missing;
    }

    /** The first step with a question unanswered, or -1 when all are complete. */
    public int firstIncomplete() {
        for (int i = 0; i < steps.size(); i++) {
            if (!missing(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an answer given meets a risk rule of its instrument: the crisis line is shown. */
    public boolean crisis() {
        for (int i = 0; i < checkIn.steps().size(); i++) {
            for (LinksApi.RiskRule rule : checkIn.steps().get(i).riskRules()) {
                for (LinksApi.Threshold t : rule.anyOf()) {
                    Integer a = answer(i, t.item());
                    if (a != null && a >= t.atLeast()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether choosing this option alone meets a risk rule (for the page's script, which shows the crisis line at once). */
    public boolean risky(int instrumentIndex, int item, int value) {
        return checkIn.steps().get(instrumentIndex).riskRules().stream().flatMap(r -> r.anyOf().stream())
                .anyMatch(t -> t.item() == item && value >= t.atLeast());
    }

    /** The answers of every step but this one, as hidden fields. */
    public List<Hidden> carried(int stepIndex) {
        List<Hidden> hidden = new ArrayList<>();
        Step current = steps.get(stepIndex);
        for (int i = 0; i < answers.length; i++) {
            if (current.isInstrument() && current.instrumentIndex() == i) {
                continue;
            }
            for (int n = 0; n < answers[i].length; n++) {
                if (answers[i][n] != null) {
                    hidden.add(new Hidden(field(i, n), answers[i][n].toString()));
                }
            }
        }
        if (!current.isSigns()) {
            warningSigns.forEach(s -> hidden.add(new Hidden("warningSign", s.toString())));
            copingTools.forEach(s -> hidden.add(new Hidden("copingTool", s.toString())));
        }
        if (!current.isDiary() && !diary.isEmpty()) {
            hidden.add(new Hidden("diary", diary));
        }
        return hidden;
    }

    /** Everything, as sessions-service takes it: answers by instrument in item order. */
    public LinksApi.Answers toAnswers() {
        Map<String, List<Integer>> byInstrument = new LinkedHashMap<>();
        for (int i = 0; i < checkIn.steps().size(); i++) {
            LinksApi.Step s = checkIn.steps().get(i);
            List<Integer> given = new ArrayList<>();
            for (LinksApi.Item item : s.items().stream()
                    .sorted(java.util.Comparator.comparingInt(LinksApi.Item::number)).toList()) {
                given.add(answer(i, item.number()));
            }
            byInstrument.put(s.instrument(), given);
        }
        return new LinksApi.Answers(byInstrument, List.copyOf(warningSigns), List.copyOf(copingTools),
                Forms.orNull(diary));
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank() || value.length() > 9) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
