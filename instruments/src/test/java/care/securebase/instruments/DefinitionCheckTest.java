package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.instruments.InstrumentDefinition.AnswerOption;
import care.securebase.instruments.InstrumentDefinition.Band;
import care.securebase.instruments.InstrumentDefinition.Item;
import care.securebase.instruments.InstrumentDefinition.ItemThreshold;
import care.securebase.instruments.InstrumentDefinition.Licence;
import care.securebase.instruments.InstrumentDefinition.RiskRule;
import care.securebase.instruments.InstrumentDefinition.Scale;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The consistency check catches the mistakes a hand-edited definition is likely to have. */
class DefinitionCheckTest {

    private static final List<AnswerOption> ZERO_TO_THREE = List.of(new AnswerOption(0, "a"), new AnswerOption(1, "b"),
            new AnswerOption(2, "c"), new AnswerOption(3, "d"));

    private static Item item(int number, List<AnswerOption> options) {
        return new Item(number, null, null, null, false, false, null, null, options);
    }

    private static InstrumentDefinition with(List<Item> items, List<Scale> scales, List<RiskRule> rules) {
        InstrumentDefinition base = InstrumentCatalogTest.tiny(1);
        return new InstrumentDefinition("TEST", 1, "Test", base.licence(), base.citation(), null, null, null, null,
                items, scales, rules);
    }

    private static Scale sum(List<Integer> items, Band... bands) {
        return new Scale("total", "Total", null, ScaleMethod.SUM, items, List.of(bands));
    }

    private static Band band(String from, String label) {
        return new Band(new BigDecimal(from), label);
    }

    private static List<String> problems(InstrumentDefinition d) {
        return DefinitionCheck.problems(d);
    }

    private static void assertProblem(InstrumentDefinition d, String fragment) {
        List<String> problems = problems(d);
        assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)), fragment + " not in " + problems);
    }

    private static final List<Item> TWO = List.of(item(1, ZERO_TO_THREE), item(2, ZERO_TO_THREE));

    @Test
    void aGoodDefinitionHasNoProblems() {
        assertEquals(List.of(), problems(with(TWO, List.of(sum(List.of(1, 2), band("0", "low"), band("3", "high"))), null)));
    }

    @Test
    void scalesMustReferenceExistingItems() {
        assertProblem(with(TWO, List.of(sum(List.of(1, 5))), null), "item 5, which does not exist");
    }

    @Test
    void bandsMustStartAtTheMinimumRiseAndStayInRange() {
        assertProblem(with(TWO, List.of(sum(List.of(1, 2), band("1", "low"))), null), "start at the scale minimum 0");
        assertProblem(with(TWO, List.of(sum(List.of(1, 2), band("0", "low"), band("0", "again"))), null), "rise strictly");
        assertProblem(with(TWO, List.of(sum(List.of(1, 2), band("0", "low"), band("7", "beyond"))), null), "above the scale maximum");
        assertProblem(with(TWO, List.of(sum(List.of(1, 2), band("0", "low"), band("2.5", "half"))), null), "whole number");
    }

    @Test
    void meanScalesMayHaveFractionalBands() {
        Scale mean = new Scale("m", "Mean", null, ScaleMethod.MEAN, List.of(1, 2), List.of(band("0", "low"), band("1.5", "high")));
        assertEquals(List.of(), problems(with(TWO, List.of(mean), null)));
    }

    @Test
    void optionValuesMustBeContiguous() {
        var gap = List.of(new AnswerOption(0, "a"), new AnswerOption(2, "c"));
        assertProblem(with(List.of(item(1, gap)), List.of(sum(List.of(1))), null), "contiguous");
    }

    @Test
    void itemsMustBeNumberedInOrder() {
        assertProblem(with(List.of(item(1, ZERO_TO_THREE), item(3, ZERO_TO_THREE)), List.of(sum(List.of(1))), null),
                "numbered 1..2");
    }

    @Test
    void textIsShippedOnlyWhereTheLicenceAllows() {
        Item withText = new Item(1, "Some question", null, null, false, false, null, null, ZERO_TO_THREE);
        assertProblem(with(List.of(withText), List.of(sum(List.of(1))), null), "does not allow reproducing");
        InstrumentDefinition base = InstrumentCatalogTest.tiny(1);
        InstrumentDefinition open = new InstrumentDefinition("TEST", 1, "Test", new Licence("open", true, null),
                base.citation(), null, null, null, null, List.of(item(1, ZERO_TO_THREE)), List.of(sum(List.of(1))), null);
        assertProblem(open, "has no text");
    }

    @Test
    void riskRulesMustPointAtRealItemsAndReachableAnswers() {
        RiskRule missing = new RiskRule(RiskLevel.HIGH, "X", "x", List.of(new ItemThreshold(9, 1)));
        assertProblem(with(TWO, List.of(sum(List.of(1, 2))), List.of(missing)), "item 9, which does not exist");
        RiskRule always = new RiskRule(RiskLevel.HIGH, "X", "x", List.of(new ItemThreshold(1, 0)));
        assertProblem(with(TWO, List.of(sum(List.of(1, 2))), List.of(always)), "above its lowest answer");
        RiskRule never = new RiskRule(RiskLevel.HIGH, "X", "x", List.of(new ItemThreshold(1, 4)));
        assertProblem(with(TWO, List.of(sum(List.of(1, 2))), List.of(never)), "within its options");
    }

    @Test
    void scalesCannotUseItemsThatMayBeSkipped() {
        Item optional = new Item(2, null, null, null, false, true, null, null, ZERO_TO_THREE);
        assertProblem(with(List.of(item(1, ZERO_TO_THREE), optional), List.of(sum(List.of(1, 2))), null),
                "may be left unanswered");
    }

    @Test
    void aMeanIsBandedOnItsExactValueNotTheRoundedOne() {
        // Three items: 11/3 = 3.6667 shows as 3.67 but is below a band starting at 3.67.
        Scale mean = new Scale("m", "Mean", null, ScaleMethod.MEAN, List.of(1, 2, 3),
                List.of(band("0", "low"), band("3.67", "high")));
        assertEquals("low", Scorer.band(mean, 11));
        assertEquals("high", Scorer.band(mean, 12));
    }
}
