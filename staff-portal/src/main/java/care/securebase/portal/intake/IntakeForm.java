package care.securebase.portal.intake;

import care.securebase.portal.api.IntakeApi;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Forms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The intake assessment form. Each administered instrument has a hidden {@code instrument} field (its
 * code, in order) and one {@code answers} select per item; the answers of all instruments arrive as
 * one list in page order and are split by each definition's item count. Field errors of the service
 * ({@code instruments[1].answers[4]}, {@code attendees[0].name}) are shown on the matching inputs.
 */
public class IntakeForm {

    /** Couple and family intakes name who else attends; this many rows are offered. */
    public static final int ATTENDEE_ROWS = 3;

    @RestForm public String modality;
    @RestForm public String presentingConcerns;
    @RestForm public List<String> relationalThemes;
    @RestForm public String relationalHistory;
    @RestForm public String triggers;
    @RestForm public String bodilyResponses;
    @RestForm public String currentFunctioning;
    @RestForm public List<String> attendeeRelationship;
    @RestForm public List<String> attendeeName;
    @RestForm public String clinicianId;
    @RestForm public String clinicianRiskJudgement;
    @RestForm public List<String> instrument;
    @RestForm public List<String> answers;
    /** "check": show the scores without sending (the form's fallback for live scoring). */
    @RestForm public String action;

    /** One question of an instrument as the page shows it. */
    public record ItemRow(int number, String field, String id, String text, String hint, List<IntakeApi.Option> options,
                          String answer) {
    }

    /** An administered instrument: where it is in the form, its questions and what they add up to so far. */
    public record Slot(int index, IntakeApi.Instrument definition, List<ItemRow> items, LiveScore.Preview preview) {
        public String field() {
            return "instruments[" + index + "]";
        }
    }

    public record AttendeeRow(int index, String relationship, String name) {
    }

    public static IntakeForm blank(List<String> codes) {
        IntakeForm form = new IntakeForm();
        form.modality = "INDIVIDUAL";
        form.instrument = new ArrayList<>(codes);
        return form;
    }

    public boolean checking() {
        return "check".equals(action);
    }

    public List<String> codes() {
        return instrument == null ? List.of() : instrument.stream().map(Forms::orNull)
                .filter(c -> c != null).distinct().toList();
    }

    public boolean hasTheme(String theme) {
        return relationalThemes != null && relationalThemes.contains(theme);
    }

    public List<AttendeeRow> attendeeRows() {
        List<AttendeeRow> rows = new ArrayList<>();
        for (int i = 0; i < ATTENDEE_ROWS; i++) {
            rows.add(new AttendeeRow(i, at(attendeeRelationship, i), at(attendeeName, i)));
        }
        return rows;
    }

    /** The instruments' questions with the answers given, in the order of {@code definitions}. */
    public List<Slot> slots(List<IntakeApi.Instrument> definitions) {
        List<Slot> slots = new ArrayList<>();
        int offset = 0;
        for (int s = 0; s < definitions.size(); s++) {
            IntakeApi.Instrument d = definitions.get(s);
            List<String> given = new ArrayList<>();
            List<ItemRow> rows = new ArrayList<>();
            for (int j = 0; j < d.items().size(); j++) {
                IntakeApi.Item item = d.items().get(j);
                String answer = at(answers, offset + j);
                given.add(answer);
                rows.add(new ItemRow(item.number(), "instruments[" + s + "].answers[" + j + "]",
                        "instr-" + s + "-" + item.number(), text(item), hint(item), item.options(), answer));
            }
            offset += d.items().size();
            slots.add(new Slot(s, d, rows, LiveScore.of(d, LiveScore.parse(given))));
        }
        return slots;
    }

    /** Required questions left unanswered, all at once (the service names only the first it meets). */
    public Map<String, String> unanswered(List<Slot> slots) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (Slot slot : slots) {
            for (int number : slot.preview().missing()) {
                missing.put("instruments[" + slot.index() + "].answers[" + (number - 1) + "]",
                        "choose an answer for item " + number);
            }
        }
        return missing;
    }

    /** Labels and anchors for the error summary: "GAD-7 item 3" jumps to that question. */
    public static Map<String, FieldErrors.Place> places(List<Slot> slots) {
        Map<String, FieldErrors.Place> places = new LinkedHashMap<>();
        for (Slot slot : slots) {
            places.put(slot.field(), new FieldErrors.Place(slot.definition().code(), "instr-" + slot.index()));
            places.put(slot.field() + ".answers", new FieldErrors.Place(slot.definition().code(), "instr-" + slot.index()));
            for (ItemRow row : slot.items()) {
                places.put(row.field(), new FieldErrors.Place(slot.definition().code() + " item " + row.number(), row.id()));
            }
        }
        for (int i = 0; i < ATTENDEE_ROWS; i++) {
            places.put("attendees[" + i + "].name", new FieldErrors.Place("Attendee " + (i + 1) + " name", "attendee-" + i + "-name"));
            places.put("attendees[" + i + "].relationship",
                    new FieldErrors.Place("Attendee " + (i + 1) + " relationship", "attendee-" + i + "-relationship"));
        }
        return places;
    }

    public IntakeApi.CompleteIntake toRequest(List<Slot> slots) {
        List<IntakeApi.Attendee> attendees = new ArrayList<>();
        for (AttendeeRow row : attendeeRows()) {
            if (!Forms.allBlank(row.name(), row.relationship())) {
                attendees.add(new IntakeApi.Attendee(Forms.orNull(row.relationship()), Forms.orNull(row.name())));
            }
        }
        List<IntakeApi.Administered> administered = new ArrayList<>();
        for (Slot slot : slots) {
            // An unanswered question goes as null so the service can tell which one it was.
            administered.add(new IntakeApi.Administered(slot.definition().code(),
                    LiveScore.parse(slot.items().stream().map(ItemRow::answer).toList())));
        }
        List<String> themes = relationalThemes == null ? List.of()
                : relationalThemes.stream().map(Forms::orNull).filter(t -> t != null).toList();
        return new IntakeApi.CompleteIntake(Forms.orNull(modality), attendees, Forms.orNull(presentingConcerns),
                themes, Forms.orNull(relationalHistory), Forms.lines(triggers), Forms.lines(bodilyResponses),
                Forms.orNull(currentFunctioning), Forms.orNull(clinicianId), administered,
                Forms.orNull(clinicianRiskJudgement));
    }

    /** The item's text where its licence allows; otherwise its number and what it is about. */
    static String text(IntakeApi.Item item) {
        if (item.text() != null && !item.text().isBlank()) {
            return item.text();
        }
        return "Item " + item.number() + (item.domain() == null ? "" : " (" + item.domain() + ")");
    }

    static String hint(IntakeApi.Item item) {
        List<String> hints = new ArrayList<>();
        if (item.askedWhen() != null) {
            hints.add("Ask only if item " + item.askedWhen().item() + " was answered " + item.askedWhen().atLeast()
                    + " or more.");
        }
        if (item.optional()) {
            hints.add("Optional; not part of the score.");
        }
        return hints.isEmpty() ? null : String.join(" ", hints);
    }

    private static String at(List<String> list, int i) {
        return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
    }
}
