package care.securebase.instruments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a standardized instrument, as shipped in {@code resources/instruments/<code>-v<version>.json}.
 * A change to items, keying, bands or rules is a new version, never an edit: stored scores name the
 * version they were computed with.
 *
 * @param optionSets  answer options shared by several items, referenced by an item's {@code optionSet};
 *                    the catalog copies them into each item's {@code options} when it loads the file
 * @param instructions the stem shown before the items; null where the licence does not allow reproduction
 * @param references  where the scoring key, bands and rules come from, beyond the primary citation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstrumentDefinition(
        @JsonProperty(required = true) String code,
        @JsonProperty(required = true) int version,
        String title,
        Licence licence,
        Citation citation,
        List<Citation> references,
        String loincPanel,
        String instructions,
        Map<String, List<AnswerOption>> optionSets,
        List<Item> items,
        List<Scale> scales,
        List<RiskRule> riskRules) {

    public InstrumentDefinition {
        references = references == null ? List.of() : List.copyOf(references);
        optionSets = optionSets == null ? Map.of() : Map.copyOf(optionSets);
        items = items == null ? List.of() : List.copyOf(items);
        scales = scales == null ? List.of() : List.copyOf(scales);
        riskRules = riskRules == null ? List.of() : List.copyOf(riskRules);
    }

    /** @param itemTextReproducible whether item text (and instructions) may be shown; if not, they are null */
    public record Licence(String name, boolean itemTextReproducible, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Citation(String authors, Integer year, String title, String source, String url) {
    }

    public record AnswerOption(@JsonProperty(required = true) int value, String label) {
    }

    /** Answer this item only when the earlier {@code item} was answered {@code atLeast} (e.g. "yes" = 1). */
    public record Condition(@JsonProperty(required = true) int item, @JsonProperty(required = true) int atLeast) {
    }

    /**
     * @param domain   what the item is about in a few neutral words (not the item text), e.g. for
     *                 instruments whose text may not be reproduced
     * @param optional may be left unanswered; optional items are never part of a scale
     * @param askedWhen asked only when the condition holds; otherwise it may be left unanswered
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @JsonProperty(required = true) int number,
            String text,
            String domain,
            String loinc,
            boolean reverseKeyed,
            boolean optional,
            Condition askedWhen,
            String optionSet,
            List<AnswerOption> options) {

        public Item {
            options = options == null ? null : List.copyOf(options);
        }

        Item withOptions(List<AnswerOption> resolved) {
            return new Item(number, text, domain, loinc, reverseKeyed, optional, askedWhen, optionSet, resolved);
        }

        public int minValue() {
            return options.stream().mapToInt(AnswerOption::value).min().orElseThrow();
        }

        public int maxValue() {
            return options.stream().mapToInt(AnswerOption::value).max().orElseThrow();
        }

        public boolean allows(int value) {
            return options.stream().anyMatch(o -> o.value() == value);
        }

        /** The value that counts for scoring: reverse-keyed items are mirrored within their option range. */
        public int keyed(int answer) {
            return reverseKeyed ? minValue() + maxValue() - answer : answer;
        }
    }

    /** @param from inclusive lower bound of the band; the band ends where the next one begins */
    public record Band(BigDecimal from, String label) {
    }

    /**
     * @param bands ascending by {@code from}, the first starting at the scale's minimum; empty where no
     *              published cut-off exists (the score is then reported without a band)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scale(String code, String title, String loinc, ScaleMethod method, List<Integer> items,
                        List<Band> bands, ReliableChange reliableChange) {
        public Scale {
            items = items == null ? List.of() : List.copyOf(items);
            bands = bands == null ? List.of() : List.copyOf(bands);
        }

        /** A scale without a reliable-change criterion: its trajectory is shown, no change is judged. */
        public Scale(String code, String title, String loinc, ScaleMethod method, List<Integer> items,
                     List<Band> bands) {
            this(code, title, loinc, method, items, bands, null);
        }
    }

    /**
     * The smallest change between two administrations that is unlikely to be measurement error
     * (Jacobson and Truax's reliable change index, or the figure a service manual fixes).
     *
     * @param threshold     the change, in the scale's own units, that counts as reliable
     * @param lowerIsBetter whether a falling score is improvement (true for every symptom scale here)
     * @param basis         where the threshold comes from, for the clinician who asks
     */
    public record ReliableChange(BigDecimal threshold, boolean lowerIsBetter, String basis) {

        public enum Result { IMPROVED, NO_RELIABLE_CHANGE, DETERIORATED }

        public Result judge(BigDecimal baseline, BigDecimal latest) {
            BigDecimal change = latest.subtract(baseline);
            BigDecimal better = lowerIsBetter ? change.negate() : change;
            if (better.compareTo(threshold) >= 0) {
                return Result.IMPROVED;
            }
            if (better.negate().compareTo(threshold) >= 0) {
                return Result.DETERIORATED;
            }
            return Result.NO_RELIABLE_CHANGE;
        }
    }

    /** Fires when the item was answered at least {@code atLeast}. */
    public record ItemThreshold(@JsonProperty(required = true) int item, @JsonProperty(required = true) int atLeast) {
    }

    /**
     * A risk signal raised when any of the thresholds is met. Of the rules of one {@code source} that fire,
     * only the highest level is reported.
     *
     * @param source what raised it, as in the RiskFlagRaised event (e.g. PHQ9_ITEM9, CSSRS_SCREEN)
     * @param reason why, in words that carry no answer
     */
    public record RiskRule(RiskLevel level, String source, String reason, List<ItemThreshold> anyOf) {
        public RiskRule {
            anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
        }
    }

    public Optional<Item> item(int number) {
        return items.stream().filter(i -> i.number() == number).findFirst();
    }

    public Optional<Scale> scale(String scaleCode) {
        return scales.stream().filter(s -> s.code().equals(scaleCode)).findFirst();
    }

    /** Code and version as people write them, e.g. "PHQ-9 v1". */
    public String label() {
        return code + " v" + version;
    }

    /** Items whose options come from a shared set get those options copied in. */
    InstrumentDefinition resolveOptionSets() {
        List<Item> resolved = items.stream()
                .map(i -> i.options() == null && i.optionSet() != null && optionSets.containsKey(i.optionSet())
                        ? i.withOptions(optionSets.get(i.optionSet())) : i)
                .toList();
        return new InstrumentDefinition(code, version, title, licence, citation, references, loincPanel,
                instructions, optionSets, resolved, scales, riskRules);
    }
}
