package care.securebase.notifications;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Words no client or partner message may contain, in every language the service writes (English,
 * Polish): a reminder can be read by anyone near the inbox. Links are left out of the check: a signed
 * token is random text and may spell anything.
 */
public final class ClinicalWords {

    static final List<String> ENGLISH = List.of(
            "therap", "mental health", "diagnos", "depress", "anxiety", "anxious", "trauma", "psychiatr",
            "psycholog", "counsel", "phq", "gad-7", "score", "instrument", "questionnaire", "session note",
            "note", "cbt", "treatment", "medication", "risk", "suicid", "self-harm", "crisis", "disorder",
            "symptom", "booster", "maintenance", "episode", "clinician", "safety plan", "intake", "priority",
            "urgen", "modality");

    /** Polish stems: therapy, mental, diagnosis, depression, anxiety, result/score, questionnaire, note, ... */
    static final List<String> POLISH = List.of(
            "terap", "psychiczn", "diagnoz", "depres", "lęk", "psychiatr", "wynik", "kwestionariusz", "ankiet",
            "notatk", "leczeni", "leków", "ryzyk", "samobój", "samookalecz", "kryzys", "zaburzeni", "objaw", "sesj",
            "podtrzymując", "przypominając", "epizod", "klinicyst", "pilne", "priorytet", "przyjęci", "zagrożeni");

    public static final List<String> FORBIDDEN = Stream.concat(ENGLISH.stream(), POLISH.stream()).toList();

    /**
     * A message to the on-call clinician may say that a new client was flagged high risk at intake and
     * needs contact today (urgent): that is the point of it. Everything else stays out, and so does
     * anything from the assessment: instruments, items, answers, scores, what raised the flag.
     */
    public static final List<String> FOR_STAFF = Stream.concat(
            FORBIDDEN.stream().filter(w -> !List.of("risk", "urgen", "intake", "ryzyk", "pilne", "przyjęci").contains(w)),
            Stream.of("phq9", "cssrs", "c-ssrs", "item", "answer", "judgement", "moderate", "screen", "source",
                    "pozycj", "umiarkowan", "ocena")).toList();

    private ClinicalWords() {
    }

    static String withoutLinks(String text) {
        return text.replaceAll("https?://[^\\s\"'<>]+", "<link>");
    }

    public static void assertNoneForStaff(String what, String text) {
        String lower = withoutLinks(text).toLowerCase(Locale.ROOT);
        for (String word : FOR_STAFF) {
            if (lower.contains(word)) {
                fail(what + " contains the word '" + word + "', not for a staff notice:\n" + text);
            }
        }
    }

    public static void assertNone(String what, String text) {
        String lower = withoutLinks(text).toLowerCase(Locale.ROOT);
        for (String word : FORBIDDEN) {
            if (lower.contains(word)) {
                fail(what + " contains the clinical word '" + word + "':\n" + text);
            }
        }
    }
}
