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

    private ClinicalWords() {
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
