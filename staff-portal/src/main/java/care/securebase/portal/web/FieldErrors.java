package care.securebase.portal.web;

import care.securebase.portal.api.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was wrong with a submitted form, by field name, for showing each message next to its field.
 * Form fields are named like the services' JSON fields, so a problem's {@code errors[].field} is
 * the name of the form field; list items ({@code phq9[3]}, {@code copingTools[0]}) belong to the
 * list's field.
 */
public final class FieldErrors {

    public static final FieldErrors NONE = new FieldErrors(Map.of(), null, Map.of());

    private final Map<String, List<String>> byField;
    private final String summary;
    private final Map<String, Place> places;

    private FieldErrors(Map<String, List<String>> byField, String summary, Map<String, Place> places) {
        this.byField = byField;
        this.summary = summary;
        this.places = places;
    }

    public static FieldErrors of(Problem problem) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (Problem.FieldError error : problem.errors()) {
            String field = error.field() == null || error.field().isBlank() ? "body" : error.field();
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(readable(error.message()));
        }
        String summary = byField.isEmpty() ? firstNonBlank(problem.detail(), problem.title(),
                "The service refused the form") : null;
        return new FieldErrors(byField, summary, Map.of());
    }

    /** Errors the portal finds itself (e.g. a date it cannot read) before calling a service. */
    public static FieldErrors of(Map<String, String> messages) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        messages.forEach((field, message) -> byField.put(field, List.of(message)));
        return new FieldErrors(byField, null, Map.of());
    }

    public boolean any() {
        return !byField.isEmpty() || summary != null;
    }

    /** Whether the field itself or any item of it was refused. */
    public boolean has(String field) {
        return !about(field).isEmpty();
    }

    /** The messages about a field and about any of its items ({@code phq9} and {@code phq9[3]}). */
    public List<String> about(String field) {
        List<String> messages = new ArrayList<>(byField.getOrDefault(field, List.of()));
        byField.forEach((name, list) -> {
            if (itemIndex(field, name) != null) {
                messages.addAll(list);
            }
        });
        return messages;
    }

    /** Everything said about the field and its items, as one line for under the field. */
    public String get(String field) {
        return String.join("; ", about(field));
    }

    /** What was said about the field itself, not its items ("" when nothing). */
    public String own(String field) {
        return String.join("; ", byField.getOrDefault(field, List.of()));
    }

    /** Whether exactly this field (e.g. {@code instruments[0].answers[2]}) was refused. */
    public boolean at(String field) {
        return byField.containsKey(field);
    }

    /** What was said about exactly this field, as one line. */
    public String exactly(String field) {
        return String.join("; ", byField.getOrDefault(field, List.of()));
    }

    /** Whether one item of a list field ({@code phq9} with index 3 for {@code phq9[3]}) was refused. */
    public boolean hasItem(String field, int index) {
        return byField.containsKey(field + "[" + index + "]");
    }

    /** What was said about one item of a list field, as one line. */
    public String item(String field, int index) {
        return String.join("; ", byField.getOrDefault(field + "[" + index + "]", List.of()));
    }

    /** These errors plus the portal's own, a field the service already named keeping the service's words. */
    public FieldErrors and(Map<String, String> more) {
        Map<String, List<String>> merged = new LinkedHashMap<>(byField);
        more.forEach((field, message) -> merged.putIfAbsent(field, List.of(message)));
        return new FieldErrors(merged, summary, places);
    }

    /** The same errors with one field's messages moved to another name (a form repeated per row). */
    public FieldErrors renamed(String from, String to) {
        Map<String, List<String>> moved = new LinkedHashMap<>();
        byField.forEach((field, list) -> moved.put(field.equals(from) ? to : field, list));
        return new FieldErrors(moved, summary, places);
    }

    /**
     * How a field is called and where it is on the page, when its name does not say
     * ({@code instruments[0].answers[2]} is "GAD-7 item 3" at {@code instr-0-3}).
     */
    public record Place(String label, String anchor) {
    }

    /** These errors with labels and anchors for some fields; the rest keep the generic ones. */
    public FieldErrors placed(Map<String, Place> more) {
        Map<String, Place> all = new LinkedHashMap<>(places);
        all.putAll(more);
        return new FieldErrors(byField, summary, all);
    }

    /**
     * One line of the summary at the top of a form: the field as people read it ("Date of birth"),
     * {@code anchor} the id of the field to jump to, and the message.
     */
    public record Entry(String field, String label, String anchor, String message) {
    }

    /** Every error, for the summary at the top of the form; a problem without field errors gives its detail. */
    public List<Entry> all() {
        List<Entry> all = new ArrayList<>();
        if (summary != null) {
            all.add(new Entry(null, null, null, summary));
        }
        byField.forEach((field, list) -> {
            Place place = places.get(field);
            int bracket = field.indexOf('[');
            String anchor = place != null ? place.anchor() : bracket < 0 ? field : field.substring(0, bracket);
            String label = place != null ? place.label() : labelOf(field);
            list.forEach(m -> all.add(new Entry(field, label, anchor, m)));
        });
        return all;
    }

    /** "dateOfBirth" as "Date of birth", "phq9[3]" as "PHQ-9 item 4", "relapseWarningSigns[0]" as "Relapse warning signs item 1". */
    static String labelOf(String field) {
        int bracket = field.indexOf('[');
        String name = bracket < 0 ? field : field.substring(0, bracket);
        Integer index = bracket < 0 ? null : itemIndex(name, field);
        String words = switch (name) {
            case "phq9" -> "PHQ-9";
            case "clientId" -> "Client id";
            case "programId" -> "Program";
            case "clinicianId" -> "Clinician";
            default -> {
                String spaced = name.replace('.', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                        .toLowerCase(java.util.Locale.ROOT);
                yield spaced.isEmpty() ? "Form" : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
            }
        };
        return index == null ? words : words + " item " + (index + 1);
    }

    /**
     * Bean Validation's wording, said plainly: "must not be null" and "must not be blank" are "is
     * required"; a pattern message quotes a regular expression, which helps nobody at a form (the
     * field's hint says what is expected). The services' own messages pass unchanged.
     */
    static String readable(String message) {
        if (message == null || message.isBlank()) {
            return "is not valid";
        }
        if (message.equals("must not be null") || message.equals("must not be blank")) {
            return "is required";
        }
        if (message.equals("must not be empty")) {
            return "needs at least one entry";
        }
        return message.startsWith("must match \"") ? "is not in the expected format" : message;
    }

    public List<String> fields() {
        return List.copyOf(byField.keySet());
    }

    private static Integer itemIndex(String field, String name) {
        String prefix = field + "[";
        if (!name.startsWith(prefix)) {
            return null;
        }
        int close = name.indexOf(']', prefix.length());
        if (close < 0) {
            return null;
        }
        try {
            return Integer.parseInt(name.substring(prefix.length(), close));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
