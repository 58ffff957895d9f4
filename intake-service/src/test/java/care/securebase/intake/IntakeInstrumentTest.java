package care.securebase.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IntakeInstrumentTest {

    @Test
    void skippedItemsReadBackAsUnanswered() {
        IntakeInstrument given = new IntakeInstrument();
        // A C-SSRS screen with a "no" to item 2 (items 3-5 not asked) and to item 6 (item 7 not asked).
        given.answers = "1,0,,,,0,";
        assertEquals(Arrays.asList(1, 0, null, null, null, 0, null), given.answerList());
        given.answers = "1,2,1,1,0,1,1,0,0";
        assertEquals(Arrays.asList(1, 2, 1, 1, 0, 1, 1, 0, 0), given.answerList());
    }
}
