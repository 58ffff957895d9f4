package care.securebase.instruments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What an instrument's answers add up to.
 *
 * @param answers the answers by item (index 0 = item 1), null where an item was not answered; clinical
 *                content, so never log it or put it in an event
 * @param risks   at most one signal per source, the highest level that fired
 */
public record ScoreResult(String instrument, int version, List<Integer> answers, List<ScaleScore> scales,
                          List<RiskSignal> risks) {

    public ScoreResult {
        answers = Collections.unmodifiableList(new ArrayList<>(answers));
        scales = List.copyOf(scales);
        risks = List.copyOf(risks);
    }

    /**
     * @param sum   the sum of the keyed item values (reverse-keyed items already mirrored)
     * @param value the score as reported: the sum, or for MEAN the mean rounded half-up to 2 decimals
     * @param band  the band label; null where the scale has no published bands
     */
    public record ScaleScore(String code, String title, ScaleMethod method, int items, int sum, BigDecimal value,
                             String band) {
    }

    /** @param items the items whose answers met the rule's threshold (numbers only, never the answers) */
    public record RiskSignal(RiskLevel level, String source, String reason, List<Integer> items) {
        public RiskSignal {
            items = List.copyOf(items);
        }
    }

    public Optional<ScaleScore> scale(String code) {
        return scales.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The most urgent signal, if any fired. */
    public Optional<RiskLevel> highestRisk() {
        return risks.stream().map(RiskSignal::level).max(Comparator.naturalOrder());
    }
}
