package care.securebase.portal.pages;

import java.util.List;

/**
 * The PHQ-9 questionnaire as the intake form asks it (Kroenke, Spitzer &amp; Williams 2001; free to
 * use). The service scores it; the portal only shows the questions and the answer scale.
 */
public final class Phq9 {

    public static final String QUESTION = "Over the last 2 weeks, how often has the client been bothered by "
            + "any of the following problems?";

    public static final List<String> ITEMS = List.of(
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about themselves, or that they are a failure or have let themselves or their family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed, or the opposite: being so "
                    + "fidgety or restless that they have been moving around a lot more than usual",
            "Thoughts that they would be better off dead, or of hurting themselves in some way");

    public record Answer(String value, String label) {
    }

    public static final List<Answer> ANSWERS = List.of(
            new Answer("0", "0 – Not at all"),
            new Answer("1", "1 – Several days"),
            new Answer("2", "2 – More than half the days"),
            new Answer("3", "3 – Nearly every day"));

    /** One question of the form with what was answered ("" for none); {@code index} is 0-based. */
    public record Item(int index, int number, String text, String answer) {
    }

    private Phq9() {
    }
}
