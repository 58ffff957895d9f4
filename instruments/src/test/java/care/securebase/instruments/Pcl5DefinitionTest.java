package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.securebase.kit.problem.InvalidFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pcl5DefinitionTest {

    private static final InstrumentDefinition PCL5 = Answers.latest("PCL-5");

    @ParameterizedTest(name = "total {0} is {1}")
    @CsvSource({"0, below threshold", "32, below threshold", "33, probable PTSD", "80, probable PTSD"})
    void everyBandBoundary(int total, String band) {
        var scale = Scorer.score(PCL5, Answers.summingTo(20, 4, total)).scale("total").orElseThrow();
        assertEquals(total, scale.sum());
        assertEquals(band, scale.band());
    }

    @Test
    void clusterSeverityScoresAreSumsOfTheirItems() {
        // B 1-5, C 6-7, D 8-14, E 15-20
        List<Integer> answers = List.of(
                4, 3, 2, 1, 0,
                2, 2,
                1, 1, 1, 1, 1, 1, 1,
                3, 0, 4, 4, 0, 1);
        ScoreResult result = Scorer.score(PCL5, answers);
        assertEquals(10, result.scale("B").orElseThrow().sum());
        assertEquals(4, result.scale("C").orElseThrow().sum());
        assertEquals(7, result.scale("D").orElseThrow().sum());
        assertEquals(12, result.scale("E").orElseThrow().sum());
        assertEquals(33, result.scale("total").orElseThrow().sum());
        assertEquals("probable PTSD", result.scale("total").orElseThrow().band());
        assertNull(result.scale("B").orElseThrow().band(), "clusters have no published cut-offs");
    }

    @Test
    void valuesAboveFourAreRefused() {
        List<Integer> answers = Answers.with(Answers.same(20, 0), 17, 5);
        assertEquals("answers[16]", assertThrows(InvalidFieldException.class, () -> Scorer.score(PCL5, answers)).field());
    }
}
