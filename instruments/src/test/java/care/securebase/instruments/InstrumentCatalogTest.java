package care.securebase.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.instruments.InstrumentDefinition.Item;
import care.securebase.instruments.InstrumentDefinition.Scale;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every shipped definition loads, is internally consistent and can band every score it can produce. */
class InstrumentCatalogTest {

    private static final Path FOLDER = Path.of("src/main/resources/instruments");
    private static final InstrumentCatalog CATALOG = Answers.CATALOG;

    @Test
    void theIndexListsExactlyTheDefinitionFiles() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(FOLDER)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("index.json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> index = new ObjectMapper().readValue(FOLDER.resolve("index.json").toFile(),
                new TypeReference<List<String>>() { });
        assertEquals(files, new TreeSet<>(index));
        assertEquals(files.size(), CATALOG.all().size());
    }

    @Test
    void theRequiredInstrumentsAreShipped() {
        assertEquals(List.of("ACE", "C-SSRS-SCREEN", "ECR-R", "ECR-RS", "GAD-7", "PCL-5", "PHQ-9"), CATALOG.codes());
        assertEquals(36, CATALOG.latest("ECR-R").orElseThrow().items().size());
        assertEquals(10, CATALOG.latest("ACE").orElseThrow().items().size());
        assertEquals(10, CATALOG.latest("PHQ-9").orElseThrow().items().size());
        assertEquals(7, CATALOG.latest("GAD-7").orElseThrow().items().size());
        assertEquals(20, CATALOG.latest("PCL-5").orElseThrow().items().size());
        assertEquals(7, CATALOG.latest("C-SSRS-SCREEN").orElseThrow().items().size());
    }

    @Test
    void everyDefinitionIsConsistent() {
        for (InstrumentDefinition d : CATALOG.all()) {
            assertEquals(List.of(), DefinitionCheck.problems(d), d.label());
            assertNotNull(d.citation().authors(), d.label());
            assertTrue(d.items().stream().allMatch(i -> i.options() != null), d.label() + " options resolved");
            assertEquals(d.licence().itemTextReproducible(), d.items().stream().allMatch(i -> i.text() != null),
                    d.label() + " ships item text exactly when its licence allows it");
        }
    }

    /** Walks every achievable sum of every banded scale: each one falls in a band, and every band is reachable. */
    @Test
    void bandsCoverEveryAchievableScoreWithoutGaps() {
        for (InstrumentDefinition d : CATALOG.all()) {
            for (Scale scale : d.scales()) {
                if (scale.bands().isEmpty()) {
                    continue;
                }
                int lowest = scale.items().stream().mapToInt(n -> d.item(n).orElseThrow().minValue()).sum();
                int highest = scale.items().stream().mapToInt(n -> d.item(n).orElseThrow().maxValue()).sum();
                Set<String> seen = new TreeSet<>();
                for (int sum = lowest; sum <= highest; sum++) {
                    String band = Scorer.band(scale, sum);
                    assertNotNull(band, d.label() + " " + scale.code() + " sum " + sum);
                    seen.add(band);
                }
                assertEquals(scale.bands().stream().map(InstrumentDefinition.Band::label).collect(Collectors.toCollection(TreeSet::new)),
                        seen, d.label() + " " + scale.code() + ": every band is reachable");
            }
        }
    }

    @Test
    void optionValuesAreContiguousForEveryItem() {
        for (InstrumentDefinition d : CATALOG.all()) {
            for (Item item : d.items()) {
                for (int i = 1; i < item.options().size(); i++) {
                    assertEquals(item.options().get(i - 1).value() + 1, item.options().get(i).value(),
                            d.label() + " item " + item.number());
                }
            }
        }
    }

    @Test
    void lookupIsByCodeCaseInsensitiveAndLatestWins() {
        assertEquals("PHQ-9", CATALOG.latest("phq-9").orElseThrow().code());
        assertTrue(CATALOG.find("GAD-7", 1).isPresent());
        assertFalse(CATALOG.find("GAD-7", 2).isPresent());
        assertFalse(CATALOG.latest("BDI-II").isPresent());

        InstrumentDefinition v1 = tiny(1);
        InstrumentDefinition v2 = tiny(2);
        InstrumentCatalog twoVersions = new InstrumentCatalog(List.of(v2, v1));
        assertEquals(2, twoVersions.latest("TINY").orElseThrow().version());
        assertEquals(1, twoVersions.require("tiny", 1).version());
        assertEquals(List.of(1, 2), twoVersions.all().stream().map(InstrumentDefinition::version).toList());
        assertEquals(1, twoVersions.latestOfEach().size());
    }

    @Test
    void aCatalogRefusesInconsistentOrDuplicateDefinitions() {
        assertThrows(IllegalStateException.class, () -> new InstrumentCatalog(List.of(tiny(1), tiny(1))));
        InstrumentDefinition broken = new InstrumentDefinition("TINY", 1, "Tiny", tiny(1).licence(), tiny(1).citation(),
                null, null, null, null, tiny(1).items(),
                List.of(new Scale("total", "Total", null, ScaleMethod.SUM, List.of(1, 3), null)), null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new InstrumentCatalog(List.of(broken)));
        assertTrue(e.getMessage().contains("item 3"), e.getMessage());
    }

    @Test
    void typosAndMissingNumbersInAFileAreRefused() throws IOException {
        String ok = """
                {"code": "T", "version": 1, "items": [{"number": 1, "options": [{"value": 0, "label": "No"}]}]}""";
        assertEquals(0, InstrumentCatalog.parse(ok).items().get(0).options().get(0).value());
        assertThrows(IOException.class, () -> InstrumentCatalog.parse(ok.replace("\"options\"", "\"optons\"")));
        assertThrows(IOException.class, () -> InstrumentCatalog.parse(ok.replace("\"value\": 0, ", "")));
        assertThrows(IOException.class, () -> InstrumentCatalog.parse(ok.replace("\"version\": 1, ", "")));
    }

    @Test
    void fileNamesFollowCodeAndVersion() {
        assertEquals("c-ssrs-screen-v1.json", InstrumentCatalog.fileName("C-SSRS-SCREEN", 1));
        List<String> expected = new ArrayList<>();
        CATALOG.all().forEach(d -> expected.add(InstrumentCatalog.fileName(d.code(), d.version())));
        expected.forEach(name -> assertTrue(Files.exists(FOLDER.resolve(name)), name));
    }

    /** Two 0/1 items summed, banded at 0 and 2. */
    static InstrumentDefinition tiny(int version) {
        var yesNo = List.of(new InstrumentDefinition.AnswerOption(0, "No"), new InstrumentDefinition.AnswerOption(1, "Yes"));
        return new InstrumentDefinition("TINY", version, "Tiny",
                new InstrumentDefinition.Licence("test", false, null),
                new InstrumentDefinition.Citation("Test A", 2020, null, "Tests", null),
                null, null, null, null,
                List.of(new Item(1, null, null, null, false, false, null, null, yesNo),
                        new Item(2, null, null, null, false, false, null, null, yesNo)),
                List.of(new Scale("total", "Total", null, ScaleMethod.SUM, List.of(1, 2),
                        List.of(new InstrumentDefinition.Band(BigDecimal.ZERO, "none"),
                                new InstrumentDefinition.Band(BigDecimal.valueOf(2), "both")))),
                null);
    }
}
