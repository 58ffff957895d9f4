package care.securebase.instruments;

import care.securebase.kit.problem.InvalidFieldException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The instrument definitions shipped with the service, loaded and checked once at startup so a broken
 * definition stops the service instead of mis-scoring a client. Codes are matched case-insensitively.
 * Unit tests construct it directly: {@code new InstrumentCatalog()} reads the same classpath files.
 */
@Singleton
@Startup
public class InstrumentCatalog {

    /** Classpath folder of the definitions; {@code index.json} lists the files, as a jar cannot be listed. */
    public static final String DIRECTORY = "instruments/";
    public static final String INDEX = DIRECTORY + "index.json";
    public static final String FIELD = "instrument";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<InstrumentDefinition> definitions;

    /** The definitions listed in {@value #INDEX}. */
    public InstrumentCatalog() {
        this(loadShipped());
    }

    /** Any definitions, e.g. hand-made ones in a test; each is checked like the shipped ones. */
    public InstrumentCatalog(List<InstrumentDefinition> definitions) {
        List<InstrumentDefinition> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (InstrumentDefinition d : definitions) {
            InstrumentDefinition r = d.resolveOptionSets();
            List<String> problems = DefinitionCheck.problems(r);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Instrument " + r.label() + " is inconsistent: " + problems);
            }
            if (!seen.add(r.label())) {
                throw new IllegalStateException("Instrument " + r.label() + " is defined twice");
            }
            resolved.add(r);
        }
        resolved.sort(Comparator.comparing(InstrumentDefinition::code).thenComparingInt(InstrumentDefinition::version));
        this.definitions = List.copyOf(resolved);
    }

    /** Every version of every instrument, by code then version. */
    public List<InstrumentDefinition> all() {
        return definitions;
    }

    /** The newest version of each instrument, by code. */
    public List<InstrumentDefinition> latestOfEach() {
        return definitions.stream().map(InstrumentDefinition::code).distinct()
                .map(code -> latest(code).orElseThrow()).toList();
    }

    public Optional<InstrumentDefinition> find(String code, int version) {
        return definitions.stream()
                .filter(d -> d.code().equals(normalise(code)) && d.version() == version).findFirst();
    }

    public Optional<InstrumentDefinition> latest(String code) {
        return definitions.stream().filter(d -> d.code().equals(normalise(code)))
                .max(Comparator.comparingInt(InstrumentDefinition::version));
    }

    /**
     * The given version, or the latest when {@code version} is null; an unknown code or version is refused
     * as a bad {@value #FIELD} field (400), for requests that name the instrument they answered.
     */
    public InstrumentDefinition require(String code, Integer version) {
        if (code == null || code.isBlank()) {
            throw new InvalidFieldException(FIELD, "is required");
        }
        Optional<InstrumentDefinition> found = version == null ? latest(code) : find(code, version);
        return found.orElseThrow(() -> new InvalidFieldException(FIELD, latest(code).isEmpty()
                ? "unknown instrument; known: " + String.join(", ", codes())
                : latest(code).get().code() + " has no version " + version));
    }

    /** Looks the instrument up and scores the answers (index 0 = item 1). */
    public ScoreResult score(String code, Integer version, List<Integer> answers) {
        return Scorer.score(require(code, version), answers);
    }

    /** Looks the instrument up and scores the answers by item number. */
    public ScoreResult score(String code, Integer version, Map<Integer, Integer> answers) {
        return Scorer.score(require(code, version), answers);
    }

    public List<String> codes() {
        return definitions.stream().map(InstrumentDefinition::code).distinct().toList();
    }

    private static String normalise(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    /** The file a definition lives in, e.g. {@code phq-9-v1.json}. */
    public static String fileName(String code, int version) {
        return code.toLowerCase(Locale.ROOT) + "-v" + version + ".json";
    }

    static List<InstrumentDefinition> loadShipped() {
        List<String> files = readResource(INDEX, new TypeReference<List<String>>() { });
        List<InstrumentDefinition> loaded = new ArrayList<>();
        for (String file : files) {
            InstrumentDefinition d = readResource(DIRECTORY + file, new TypeReference<InstrumentDefinition>() { });
            if (d.code() == null || !file.equals(fileName(d.code(), d.version()))) {
                throw new IllegalStateException(file + " must be named " + (d.code() == null ? "<code>-v<version>.json"
                        : fileName(d.code(), d.version())));
            }
            loaded.add(d);
        }
        return loaded;
    }

    /** Reads one definition as the catalog does: unknown properties (typos) and missing numbers are refused. */
    static InstrumentDefinition parse(String json) throws IOException {
        return MAPPER.readValue(json, InstrumentDefinition.class);
    }

    private static <T> T readResource(String path, TypeReference<T> type) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = InstrumentCatalog.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing instrument resource " + path);
            }
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read instrument resource " + path, e);
        }
    }
}
