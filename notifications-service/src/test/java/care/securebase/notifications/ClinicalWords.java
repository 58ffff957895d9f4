package care.securebase.notifications;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Locale;

/** Words no client or partner message may contain: a reminder can be read by anyone near the inbox. */
public final class ClinicalWords {

    public static final List<String> FORBIDDEN = List.of(
            "therap", "mental health", "diagnos", "depress", "anxiety", "anxious", "trauma", "psychiatr",
            "psycholog", "counsel", "phq", "gad-7", "score", "instrument", "questionnaire", "session note",
            "note", "cbt", "treatment", "medication", "risk", "suicid", "self-harm", "crisis", "disorder",
            "symptom", "booster", "maintenance", "episode", "clinician", "safety plan", "intake", "priority",
            "urgen", "modality");

    /**
     * A message to the on-call clinician may say that a new client was flagged high risk at intake and
     * needs contact today (urgent): that is the point of it. Everything else stays out, and so does
     * anything from the assessment: instruments, items, answers, scores, what raised the flag.
     */
    public static final List<String> FOR_STAFF = java.util.stream.Stream.concat(
            FORBIDDEN.stream().filter(w -> !List.of("risk", "urgen", "intake").contains(w)),
            java.util.stream.Stream.of("phq9", "cssrs", "c-ssrs", "item", "answer", "judgement", "moderate",
                    "screen", "source")).toList();

    private ClinicalWords() {
    }

    public static void assertNoneForStaff(String what, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : FOR_STAFF) {
            if (lower.contains(word)) {
                fail(what + " contains the word '" + word + "', not for an on-call notice:\n" + text);
            }
        }
    }

    public static void assertNone(String what, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : FORBIDDEN) {
            if (lower.contains(word)) {
                fail(what + " contains the clinical word '" + word + "':\n" + text);
            }
        }
    }
}
