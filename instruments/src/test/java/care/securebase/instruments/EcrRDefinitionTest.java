package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EcrRDefinitionTest {

    private static final InstrumentDefinition ECR = Answers.latest("ECR-R");

    /** Fraley's published key: anxiety 9 and 11; avoidance 20, 22, 26-31, 33-36. */
    private static final Set<Integer> REVERSE_KEYED = Set.of(9, 11, 20, 22, 26, 27, 28, 29, 30, 31, 33, 34, 35, 36);

    static IntStream allItems() {
        return IntStream.rangeClosed(1, 36);
    }

    @Test
    void reverseKeyedItemsAreExactlyThePublishedOnes() {
        Set<Integer> keyed = ECR.items().stream().filter(InstrumentDefinition.Item::reverseKeyed)
                .map(InstrumentDefinition.Item::number).collect(Collectors.toSet());
        assertEquals(REVERSE_KEYED, keyed);
        assertEquals(IntStream.rangeClosed(1, 18).boxed().toList(), ECR.scale("anxiety").orElseThrow().items());
        assertEquals(IntStream.rangeClosed(19, 36).boxed().toList(), ECR.scale("avoidance").orElseThrow().items());
    }

    /**
     * Everything neutral (4) except one item answered 7: a reverse-keyed item then contributes 1, any other
     * 7; answered 1, a reverse-keyed item contributes 7.
     */
    @ParameterizedTest(name = "item {0}")
    @MethodSource("allItems")
    void answeringSevenOnAReverseKeyedItemContributesOne(int item) {
        String scale = item <= 18 ? "anxiety" : "avoidance";
        String other = item <= 18 ? "avoidance" : "anxiety";
        boolean reversed = REVERSE_KEYED.contains(item);

        ScoreResult seven = Scorer.score(ECR, Answers.with(Answers.same(36, 4), item, 7));
        assertEquals(17 * 4 + (reversed ? 1 : 7), seven.scale(scale).orElseThrow().sum());
        assertEquals(18 * 4, seven.scale(other).orElseThrow().sum());

        ScoreResult one = Scorer.score(ECR, Answers.with(Answers.same(36, 4), item, 1));
        assertEquals(17 * 4 + (reversed ? 7 : 1), one.scale(scale).orElseThrow().sum());
    }

    @Test
    void scalesAreMeansRoundedToTwoDecimals() {
        // Neutral everywhere, item 9 answered 7 (reverse-keyed: counts 1): anxiety 69/18 = 3.8333.
        ScoreResult result = Scorer.score(ECR, Answers.with(Answers.same(36, 4), 9, 7));
        var anxiety = result.scale("anxiety").orElseThrow();
        assertEquals(ScaleMethod.MEAN, anxiety.method());
        assertEquals(18, anxiety.items());
        assertEquals(new BigDecimal("3.83"), anxiety.value());
        assertEquals(new BigDecimal("4.00"), result.scale("avoidance").orElseThrow().value());
        assertNull(anxiety.band(), "the ECR-R is dimensional: no published cut-offs");
        assertTrue(result.risks().isEmpty());
    }

    @Test
    void mostSecureAndMostInsecureAnswersSpanOneToSeven() {
        List<Integer> secure = new ArrayList<>();
        List<Integer> insecure = new ArrayList<>();
        for (int item = 1; item <= 36; item++) {
            secure.add(REVERSE_KEYED.contains(item) ? 7 : 1);
            insecure.add(REVERSE_KEYED.contains(item) ? 1 : 7);
        }
        ScoreResult low = Scorer.score(ECR, secure);
        ScoreResult high = Scorer.score(ECR, insecure);
        assertEquals(new BigDecimal("1.00"), low.scale("anxiety").orElseThrow().value());
        assertEquals(new BigDecimal("1.00"), low.scale("avoidance").orElseThrow().value());
        assertEquals(new BigDecimal("7.00"), high.scale("anxiety").orElseThrow().value());
        assertEquals(new BigDecimal("7.00"), high.scale("avoidance").orElseThrow().value());
    }

    @Test
    void itemTextIsNotShippedAndTheKeyIsCited() {
        assertFalse(ECR.licence().itemTextReproducible());
        assertTrue(ECR.items().stream().allMatch(i -> i.text() == null && i.options().size() == 7));
        assertTrue(ECR.references().stream().anyMatch(r -> r.url() != null && r.url().contains("rcfraley")));
    }
}
