package care.securebase.intake.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.problem.InvalidFieldException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Phq9Test {

    /** Answers that add up to the given total, filling items from the first. */
    static List<Integer> totalling(int total) {
        List<Integer> answers = new ArrayList<>(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0));
        for (int i = 0; i < 8 && total > 0; i++) {
            int take = Math.min(3, total);
            answers.set(i, take);
            total -= take;
        }
        answers.set(8, total);
        return answers;
    }

    @ParameterizedTest
    @CsvSource({"0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate",
            "15,moderately severe", "19,moderately severe", "20,severe", "24,severe"})
    void bandBoundaries(int total, String band) {
        Phq9.Result result = Phq9.score("phq9", totalling(total));
        assertEquals(total, result.total());
        assertEquals(band, result.band().label());
    }

    @Test
    void maximumIsTwentySeven() {
        Phq9.Result result = Phq9.score("phq9", Arrays.asList(3, 3, 3, 3, 3, 3, 3, 3, 3));
        assertEquals(27, result.total());
        assertEquals(Phq9.Band.SEVERE, result.band());
        assertTrue(result.selfHarmPositive());
    }

    @Test
    void refusesMissingItemsNamingTheList() {
        var e = assertThrows(InvalidFieldException.class, () -> Phq9.score("phq9", List.of(1, 1, 1)));
        assertEquals("phq9", e.field());
    }

    @Test
    void refusesOutOfRangeNamingTheItem() {
        var e = assertThrows(InvalidFieldException.class,
                () -> Phq9.score("phq9", Arrays.asList(0, 0, 0, 0, 4, 0, 0, 0, 0)));
        assertEquals("phq9[4]", e.field());
        var nulls = assertThrows(InvalidFieldException.class,
                () -> Phq9.score("phq9", Arrays.asList(0, 0, null, 0, 0, 0, 0, 0, 0)));
        assertEquals("phq9[2]", nulls.field());
    }
}
