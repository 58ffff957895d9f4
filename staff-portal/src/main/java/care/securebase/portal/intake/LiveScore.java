package care.securebase.portal.intake;

import care.securebase.portal.api.IntakeApi;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the answers given so far add up to, shown while an instrument is filled in. It reads the
 * definition intake-service serves (items, reverse keying, scales, bands, risk rules) and follows
 * the same rules as the shared {@code instruments} module's Scorer; intake-service scores again when
 * the intake is sent, and its result is the one that counts.
 */
public final class LiveScore {

    /**
     * @param value    the score when every item of the scale is answered, else null
     * @param soFar    the keyed sum of the answered items of the scale
     * @param answered how many of the scale's items are answered
     */
    public record ScaleView(String code, String title, String method, BigDecimal value, int soFar, int answered,
                            int items, String band) {
        public boolean complete() {
            return value != null;
        }
    }

    /** A risk rule that fires: a level (LOW ... HIGH) and the reason in words that carry no answer. */
    public record Risk(String level, String reason, List<Integer> items) {
    }

    /**
     * @param answered how many of the {@code asked} questions are answered
     * @param asked    the questions to answer now: not optional, and asked (conditions met)
     * @param missing  those of them (1-based numbers) not answered yet
     */
    public record Preview(String code, int answered, int asked, List<ScaleView> scales, List<Risk> risks,
                          List<Integer> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }

        /** The highest level that fired, or null. */
        public String highestRisk() {
            return risks.stream().map(Risk::level).max(Comparator.comparingInt(LiveScore::rank)).orElse(null);
        }
    }

    private LiveScore() {
    }

    /** @param answers by position (index 0 = item 1), null where not (validly) answered */
    public static Preview of(IntakeApi.Instrument definition, List<Integer> answers) {
        Integer[] byItem = new Integer[definition.items().size()];
        for (IntakeApi.Item item : definition.items()) {
            int i = item.number() - 1;
            Integer answer = i < answers.size() ? answers.get(i) : null;
            byItem[i] = answer != null && allows(item, answer) ? answer : null;
        }
        int answered = 0;
        int asked = 0;
        List<Integer> missing = new ArrayList<>();
        // Progress counts the questions that must be answered now: optional ones (PHQ-9's item 10) and
        // conditional ones whose condition is not met are left out.
        for (IntakeApi.Item item : definition.items()) {
            if (item.optional() || !asked(item, byItem)) {
                continue;
            }
            asked++;
            if (byItem[item.number() - 1] != null) {
                answered++;
            } else {
                missing.add(item.number());
            }
        }
        List<ScaleView> scales = definition.scales().stream().map(s -> scale(definition, s, byItem)).toList();
        return new Preview(definition.code(), answered, asked, scales, risks(definition, byItem), missing);
    }

    /** Reads the form's answer values ("" for none) by position. */
    public static List<Integer> parse(List<String> values) {
        List<Integer> answers = new ArrayList<>();
        for (String v : values) {
            String s = v == null ? "" : v.strip();
            answers.add(s.matches("-?\\d{1,3}") ? Integer.valueOf(s) : null);
        }
        return answers;
    }

    /** Whether the item is asked: always, or only after the earlier answer its condition names. */
    static boolean asked(IntakeApi.Item item, Integer[] byItem) {
        IntakeApi.Condition when = item.askedWhen();
        if (when == null) {
            return true;
        }
        Integer trigger = when.item() >= 1 && when.item() <= byItem.length ? byItem[when.item() - 1] : null;
        return trigger != null && trigger >= when.atLeast();
    }

    private static ScaleView scale(IntakeApi.Instrument d, IntakeApi.Scale scale, Integer[] byItem) {
        int sum = 0;
        int answered = 0;
        for (int number : scale.items()) {
            Optional<IntakeApi.Item> item = d.items().stream().filter(i -> i.number() == number).findFirst();
            Integer answer = number >= 1 && number <= byItem.length ? byItem[number - 1] : null;
            if (item.isPresent() && answer != null) {
                sum += keyed(item.get(), answer);
                answered++;
            }
        }
        int n = scale.items().size();
        boolean mean = "MEAN".equals(scale.method());
        BigDecimal value = null;
        String band = null;
        if (n > 0 && answered == n) {
            value = mean ? BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP)
                    : BigDecimal.valueOf(sum);
            band = band(scale, sum, mean ? n : 1);
        }
        return new ScaleView(scale.code(), scale.title(), scale.method(), value, sum, answered, n, band);
    }

    /** The last band whose lower bound the exact sum reaches (a mean compared as sum >= from * n). */
    static String band(IntakeApi.Scale scale, int sum, int divisor) {
        String label = null;
        for (IntakeApi.Band b : scale.bands()) {
            if (BigDecimal.valueOf(sum).compareTo(b.from().multiply(BigDecimal.valueOf(divisor))) >= 0) {
                label = b.label();
            }
        }
        return label;
    }

    static int keyed(IntakeApi.Item item, int answer) {
        if (!item.reverseKeyed() || item.options().isEmpty()) {
            return answer;
        }
        int min = item.options().stream().mapToInt(IntakeApi.Option::value).min().orElse(0);
        int max = item.options().stream().mapToInt(IntakeApi.Option::value).max().orElse(0);
        return min + max - answer;
    }

    private static boolean allows(IntakeApi.Item item, int answer) {
        return item.options().stream().anyMatch(o -> o.value() == answer);
    }

    /** Of the rules of one source that fire, only the highest level counts, as in the service. */
    private static List<Risk> risks(IntakeApi.Instrument d, Integer[] byItem) {
        List<String> sources = new ArrayList<>();
        List<Risk> risks = new ArrayList<>();
        for (IntakeApi.RiskRule rule : d.riskRules()) {
            List<Integer> met = new ArrayList<>();
            for (IntakeApi.Threshold t : rule.anyOf()) {
                Integer answer = t.item() >= 1 && t.item() <= byItem.length ? byItem[t.item() - 1] : null;
                if (answer != null && answer >= t.atLeast()) {
                    met.add(t.item());
                }
            }
            if (met.isEmpty()) {
                continue;
            }
            Risk risk = new Risk(rule.level(), rule.reason(), met);
            int seen = sources.indexOf(rule.source());
            if (seen < 0) {
                sources.add(rule.source());
                risks.add(risk);
            } else if (rank(rule.level()) > rank(risks.get(seen).level())) {
                risks.set(seen, risk);
            }
        }
        return List.copyOf(risks);
    }

    static int rank(String level) {
        return level == null ? -1 : IntakeApi.RISK_LEVELS.indexOf(level);
    }
}
