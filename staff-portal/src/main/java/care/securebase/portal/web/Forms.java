package care.securebase.portal.web;

import java.util.Arrays;
import java.util.List;

/** Turning what a form sent into what a service expects. */
public final class Forms {

    private Forms() {
    }

    /** Blank means "not given": the services treat a missing field as optional and an empty one as wrong. */
    public static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Whether none of a group of optional fields was filled in (the group is then left out). */
    public static boolean allBlank(String... values) {
        return Arrays.stream(values).allMatch(v -> v == null || v.isBlank());
    }

    /** A textarea with one entry per line, without blank lines and surrounding spaces. */
    public static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A list back into the textarea's text, for showing a refused form again. */
    public static String joinLines(List<String> lines) {
        return lines == null ? "" : String.join("\n", lines);
    }
}
