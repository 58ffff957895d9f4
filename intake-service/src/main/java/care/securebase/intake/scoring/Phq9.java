package care.securebase.intake.scoring;

import care.securebase.kit.problem.InvalidFieldException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PHQ-9 (Kroenke, Spitzer &amp; Williams 2001): nine items scored 0-3, total 0-27, severity bands
 * at 5, 10, 15 and 20. Item 9 asks about thoughts of self-harm; any answer above 0 is a risk signal.
 */
public final class Phq9 {

    public static final int ITEMS = 9;

    public enum Band {
        MINIMAL("minimal", 0), MILD("mild", 5), MODERATE("moderate", 10),
        MODERATELY_SEVERE("moderately severe", 15), SEVERE("severe", 20);

        private final String label;
        private final int from;

        Band(String label, int from) {
            this.label = label;
            this.from = from;
        }

        public String label() {
            return label;
        }

        static Band of(int total) {
            Band band = MINIMAL;
            for (Band b : values()) {
                if (total >= b.from) {
                    band = b;
                }
            }
            return band;
        }
    }

    public record Result(List<Integer> answers, int total, Band band, int item9) {
        public boolean selfHarmPositive() {
            return item9 > 0;
        }

        public String answersAsText() {
            return answers.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    private Phq9() {
    }

    /** Refuses incomplete or out-of-range answers naming the item, e.g. {@code phq9[4]}. */
    public static Result score(String field, List<Integer> answers) {
        if (answers == null || answers.size() != ITEMS) {
            throw new InvalidFieldException(field, "needs exactly " + ITEMS + " answers, one per item");
        }
        int total = 0;
        for (int i = 0; i < ITEMS; i++) {
            Integer answer = answers.get(i);
            if (answer == null || answer < 0 || answer > 3) {
                throw new InvalidFieldException(field + "[" + i + "]", "item " + (i + 1) + " must be 0, 1, 2 or 3");
            }
            total += answer;
        }
        return new Result(List.copyOf(answers), total, Band.of(total), answers.get(ITEMS - 1));
    }
}
