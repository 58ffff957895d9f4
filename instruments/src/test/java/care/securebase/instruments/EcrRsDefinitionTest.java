package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ECR-RS as its author's page scores it (https://labs.psychology.illinois.edu/~rcfraley/measures/relstructures.htm;
 * Fraley, Heffernan, Vicary and Brumbaugh 2011, Psychological Assessment 23(3):615-625), for one relationship:
 * avoidance = mean of items 1-6 with 1-4 reverse-keyed, anxiety = mean of items 7-9, answers 1-7; no bands,
 * no reliable-change criterion.
 */
class EcrRsDefinitionTest {

    private static final InstrumentDefinition ECR_RS = Answers.latest("ECR-RS");

    @Test
    void itemsScalesAndKeyingAreThePublishedOnes() {
        assertEquals(9, ECR_RS.items().size());
        assertEquals(Set.of(1, 2, 3, 4), ECR_RS.items().stream().filter(InstrumentDefinition.Item::reverseKeyed)
                .map(InstrumentDefinition.Item::number).collect(Collectors.toSet()));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ECR_RS.scale("avoidance").orElseThrow().items());
        assertEquals(List.of(7, 8, 9), ECR_RS.scale("anxiety").orElseThrow().items());
        ECR_RS.items().forEach(i -> {
            assertEquals(1, i.minValue());
            assertEquals(7, i.maxValue());
            assertNull(i.text(), "item text is not shipped");
        });
        ECR_RS.scales().forEach(s -> {
            assertEquals(ScaleMethod.MEAN, s.method());
            assertTrue(s.bands().isEmpty());
            assertNull(s.reliableChange());
        });
        assertFalse(ECR_RS.licence().itemTextReproducible());
    }

    @Test
    void aSecureAnswerPatternScoresLowOnBothAndReverseKeyingMirrors() {
        // Agreeing (7) with the four reverse-keyed items (comfort with closeness) counts 1 each.
        ScoreResult secure = Scorer.score(ECR_RS, Answers.of(7, 7, 7, 7, 1, 1, 1, 1, 1));
        assertEquals(new BigDecimal("1.00"), secure.scale("avoidance").orElseThrow().value());
        assertEquals(new BigDecimal("1.00"), secure.scale("anxiety").orElseThrow().value());

        ScoreResult avoidant = Scorer.score(ECR_RS, Answers.of(1, 1, 1, 1, 7, 7, 4, 4, 4));
        assertEquals(new BigDecimal("7.00"), avoidant.scale("avoidance").orElseThrow().value());
        assertEquals(new BigDecimal("4.00"), avoidant.scale("anxiety").orElseThrow().value());

        // (7 + 4 + 4 + 4 + 4 + 5) / 6 = 4.67; (6 + 7 + 7) / 3 = 6.67.
        ScoreResult mixed = Scorer.score(ECR_RS, Answers.of(1, 4, 4, 4, 4, 5, 6, 7, 7));
        assertEquals(new BigDecimal("4.67"), mixed.scale("avoidance").orElseThrow().value());
        assertEquals(new BigDecimal("6.67"), mixed.scale("anxiety").orElseThrow().value());
        assertNull(mixed.scale("anxiety").orElseThrow().band());
        assertTrue(mixed.risks().isEmpty());
    }
}
