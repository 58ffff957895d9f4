package care.securebase.instruments;

import care.securebase.instruments.InstrumentDefinition.Band;
import care.securebase.instruments.InstrumentDefinition.Item;
import care.securebase.instruments.InstrumentDefinition.ItemThreshold;
import care.securebase.instruments.InstrumentDefinition.RiskRule;
import care.securebase.instruments.InstrumentDefinition.Scale;
import care.securebase.instruments.ScoreResult.RiskSignal;
import care.securebase.instruments.ScoreResult.ScaleScore;
import care.securebase.kit.problem.InvalidFieldException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Scores answers against an instrument definition: checks every answer, applies reverse keying, computes
 * each scale, picks its band and evaluates the risk rules. Refusals name the answer, e.g. {@code answers[4]}
 * (list form, 0-based like the PHQ-9 request field) or {@code answers.item5} (map form, by item number).
 */
public final class Scorer {

    public static final String FIELD = "answers";

    private Scorer() {
    }

    /** Answers by position: index 0 is item 1. A null entry is an unanswered item. */
    public static ScoreResult score(InstrumentDefinition definition, List<Integer> answers) {
        return score(definition, FIELD, answers);
    }

    /** As {@link #score(InstrumentDefinition, List)}, naming refused answers {@code field[i]}. */
    public static ScoreResult score(InstrumentDefinition definition, String field, List<Integer> answers) {
        if (answers == null) {
            throw new InvalidFieldException(field, "is required");
        }
        int count = definition.items().size();
        if (answers.size() > count) {
            throw new InvalidFieldException(field, "has " + answers.size() + " answers but " + definition.label()
                    + " has " + count + " items");
        }
        Integer[] byItem = new Integer[count];
        for (int i = 0; i < answers.size(); i++) {
            byItem[i] = answers.get(i);
        }
        return score(definition, byItem, number -> field + "[" + (number - 1) + "]");
    }

    /** Answers by item number (1-based). An absent or null entry is an unanswered item. */
    public static ScoreResult score(InstrumentDefinition definition, Map<Integer, Integer> answers) {
        return score(definition, FIELD, answers);
    }

    /** As {@link #score(InstrumentDefinition, Map)}, naming refused answers {@code field.itemN}. */
    public static ScoreResult score(InstrumentDefinition definition, String field, Map<Integer, Integer> answers) {
        if (answers == null) {
            throw new InvalidFieldException(field, "is required");
        }
        int count = definition.items().size();
        Integer[] byItem = new Integer[count];
        for (var entry : answers.entrySet()) {
            Integer number = entry.getKey();
            if (number == null || number < 1 || number > count) {
                throw new InvalidFieldException(field + ".item" + number, definition.label() + " has no item "
                        + number + "; its items are 1 to " + count);
            }
            byItem[number - 1] = entry.getValue();
        }
        return score(definition, byItem, number -> field + ".item" + number);
    }

    private static ScoreResult score(InstrumentDefinition d, Integer[] byItem, IntFunction<String> fieldOf) {
        for (Item item : d.items()) {
            Integer answer = byItem[item.number() - 1];
            if (answer == null) {
                if (required(item, byItem)) {
                    throw new InvalidFieldException(fieldOf.apply(item.number()),
                            "item " + item.number() + " of " + d.label() + " must be answered");
                }
            } else if (!item.allows(answer)) {
                throw new InvalidFieldException(fieldOf.apply(item.number()),
                        "item " + item.number() + " of " + d.label() + " must be one of " + values(item));
            }
        }
        List<ScaleScore> scales = d.scales().stream().map(s -> scale(d, s, byItem)).toList();
        return new ScoreResult(d.code(), d.version(), Arrays.asList(byItem), scales, risks(d, byItem));
    }

    /**
     * An item asked only after an earlier answer may stay empty when that answer was not given; if it was
     * answered anyway it still counts, so a recorded "yes" is never dropped.
     */
    private static boolean required(Item item, Integer[] byItem) {
        if (item.optional()) {
            return false;
        }
        if (item.askedWhen() == null) {
            return true;
        }
        Integer trigger = byItem[item.askedWhen().item() - 1];
        return trigger != null && trigger >= item.askedWhen().atLeast();
    }

    private static ScaleScore scale(InstrumentDefinition d, Scale scale, Integer[] byItem) {
        int sum = 0;
        for (int number : scale.items()) {
            sum += d.item(number).orElseThrow().keyed(byItem[number - 1]);
        }
        int n = scale.items().size();
        BigDecimal value = scale.method() == ScaleMethod.MEAN
                ? BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(sum);
        return new ScaleScore(scale.code(), scale.title(), scale.method(), n, sum, value, band(scale, sum));
    }

    /**
     * The last band whose lower bound the exact score reaches. A mean is compared as sum >= from * n, so a
     * mean of 3.995 never rounds its way into the band starting at 4.
     */
    static String band(Scale scale, int sum) {
        BigDecimal n = BigDecimal.valueOf(scale.method() == ScaleMethod.MEAN ? scale.items().size() : 1);
        BigDecimal exactSum = BigDecimal.valueOf(sum);
        String label = null;
        for (Band band : scale.bands()) {
            if (exactSum.compareTo(band.from().multiply(n)) >= 0) {
                label = band.label();
            }
        }
        return label;
    }

    private static List<RiskSignal> risks(InstrumentDefinition d, Integer[] byItem) {
        Map<String, RiskSignal> highestBySource = new LinkedHashMap<>();
        for (RiskRule rule : d.riskRules()) {
            List<Integer> met = new ArrayList<>();
            for (ItemThreshold t : rule.anyOf()) {
                Integer answer = byItem[t.item() - 1];
                if (answer != null && answer >= t.atLeast()) {
                    met.add(t.item());
                }
            }
            if (met.isEmpty()) {
                continue;
            }
            RiskSignal signal = new RiskSignal(rule.level(), rule.source(), rule.reason(), met);
            highestBySource.merge(rule.source(), signal,
                    (seen, now) -> now.level().compareTo(seen.level()) > 0 ? now : seen);
        }
        return List.copyOf(highestBySource.values());
    }

    /** The lowest score the scale can give. */
    public static BigDecimal minimum(InstrumentDefinition d, Scale scale) {
        return bound(d, scale, Item::minValue);
    }

    /** The highest score the scale can give. */
    public static BigDecimal maximum(InstrumentDefinition d, Scale scale) {
        return bound(d, scale, Item::maxValue);
    }

    private static BigDecimal bound(InstrumentDefinition d, Scale scale, ToIntFunction<Item> end) {
        int sum = scale.items().stream().mapToInt(n -> end.applyAsInt(d.item(n).orElseThrow())).sum();
        BigDecimal total = BigDecimal.valueOf(sum);
        return scale.method() == ScaleMethod.MEAN
                ? total.divide(BigDecimal.valueOf(scale.items().size()), 10, RoundingMode.HALF_UP).stripTrailingZeros()
                : total;
    }

    private static String values(Item item) {
        return item.options().stream().map(o -> o.value() + " (" + o.label() + ")").collect(Collectors.joining(", "));
    }
}
