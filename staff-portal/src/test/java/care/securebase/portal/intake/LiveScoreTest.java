package care.securebase.portal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.portal.api.IntakeApi;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The running score follows the shared Scorer's rules: keying, means, band bounds, conditions, risk. */
class LiveScoreTest {

    static final List<IntakeApi.Option> ONE_TO_SEVEN = java.util.stream.IntStream.rangeClosed(1, 7)
            .mapToObj(v -> new IntakeApi.Option(v, "v" + v)).toList();
    static final List<IntakeApi.Option> YES_NO = List.of(new IntakeApi.Option(0, "No"), new IntakeApi.Option(1, "Yes"));

    /** Three 1-7 items, item 2 reverse-keyed, scored as a mean with a band from 4. */
    static final IntakeApi.Instrument MEAN = new IntakeApi.Instrument("T", 1, "test", null, null,
            List.of(item(1, false), item(2, true), item(3, false)),
            List.of(new IntakeApi.Scale("anx", "Anxiety", "MEAN", List.of(1, 2, 3),
                    List.of(new IntakeApi.Band(BigDecimal.ONE, "low"), new IntakeApi.Band(new BigDecimal("4"), "high")))),
            List.of());

    static IntakeApi.Item item(int n, boolean reverse) {
        return new IntakeApi.Item(n, "q" + n, null, reverse, false, null, ONE_TO_SEVEN);
    }

    @Test
    void reverseKeyedItemsAreMirroredAndAMeanIsBandedOnTheExactSum() {
        // 4 + (8 - 1) + 1 = 12, mean 4.00: high.
        LiveScore.ScaleView s = LiveScore.of(MEAN, List.of(4, 1, 1)).scales().get(0);
        assertEquals(new BigDecimal("4.00"), s.value());
        assertEquals("high", s.band());
        // 3 + 7 + 1 = 11, mean 3.67: low.
        assertEquals("low", LiveScore.of(MEAN, List.of(3, 1, 1)).scales().get(0).band());
    }

    @Test
    void anIncompleteScaleShowsProgressNotAScore() {
        LiveScore.Preview p = LiveScore.of(MEAN, Arrays.asList(4, null, 9));
        LiveScore.ScaleView s = p.scales().get(0);
        assertNull(s.value());
        assertEquals(1, s.answered(), "an answer outside the options does not count");
        assertEquals(List.of(2, 3), p.missing());
        assertFalse(p.complete());
    }

    @Test
    void aConditionalItemIsMissingOnlyWhenAskedAndTheHighestRiskOfASourceCounts() {
        IntakeApi.Instrument screen = new IntakeApi.Instrument("S", 1, "screen", null, null,
                List.of(new IntakeApi.Item(1, null, "wish", false, false, null, YES_NO),
                        new IntakeApi.Item(2, null, "thoughts", false, false, new IntakeApi.Condition(1, 1), YES_NO)),
                List.of(),
                List.of(new IntakeApi.RiskRule("LOW", "SCREEN", "wish", List.of(new IntakeApi.Threshold(1, 1))),
                        new IntakeApi.RiskRule("HIGH", "SCREEN", "thoughts", List.of(new IntakeApi.Threshold(2, 1)))));
        assertTrue(LiveScore.of(screen, Arrays.asList(0, null)).complete());
        assertEquals(List.of(2), LiveScore.of(screen, Arrays.asList(1, null)).missing());
        LiveScore.Preview high = LiveScore.of(screen, List.of(1, 1));
        assertEquals(1, high.risks().size());
        assertEquals("HIGH", high.highestRisk());
        assertEquals("LOW", LiveScore.of(screen, Arrays.asList(1, null)).highestRisk());
    }

    @Test
    void formValuesAreReadLeniently() {
        assertEquals(Arrays.asList(1, null, null, 3), LiveScore.parse(Arrays.asList("1", "", "x", " 3 ")));
    }
}
