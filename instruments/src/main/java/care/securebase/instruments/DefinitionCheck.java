package care.securebase.instruments;

import care.securebase.instruments.InstrumentDefinition.AnswerOption;
import care.securebase.instruments.InstrumentDefinition.Band;
import care.securebase.instruments.InstrumentDefinition.Item;
import care.securebase.instruments.InstrumentDefinition.ItemThreshold;
import care.securebase.instruments.InstrumentDefinition.RiskRule;
import care.securebase.instruments.InstrumentDefinition.Scale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a definition can be scored without surprises. The catalog refuses to start with a definition
 * that has problems, so a typo in a JSON file fails the build's tests rather than a client's score.
 */
public final class DefinitionCheck {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]*");
    private static final Pattern LOINC = Pattern.compile("\\d{1,7}-\\d");

    private DefinitionCheck() {
    }

    /** Everything wrong with the definition (options already resolved), empty if it is consistent. */
    public static List<String> problems(InstrumentDefinition d) {
        List<String> problems = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            problems.add("code must be upper-case letters, digits and dashes: " + d.code());
        }
        if (d.version() < 1) {
            problems.add("version must be 1 or more");
        }
        if (blank(d.title())) {
            problems.add("title is missing");
        }
        if (d.licence() == null || blank(d.licence().name())) {
            problems.add("licence name is missing");
        }
        if (d.citation() == null || blank(d.citation().authors()) || d.citation().year() == null || d.citation().year() < 1900
                || blank(d.citation().source())) {
            problems.add("citation needs authors, year and source");
        }
        for (var ref : d.references()) {
            if (blank(ref.authors()) || blank(ref.source())) {
                problems.add("every reference needs authors and source");
            }
        }
        loinc(problems, "loincPanel", d.loincPanel());
        boolean reproducible = d.licence() != null && d.licence().itemTextReproducible();
        if (!reproducible && d.instructions() != null) {
            problems.add("instructions must be null: the licence does not allow reproducing the text");
        }
        d.optionSets().forEach((name, options) -> options(problems, "option set " + name, options));
        checkItems(d, reproducible, problems);
        checkScales(d, problems);
        checkRiskRules(d, problems);
        if (d.scales().isEmpty() && d.riskRules().isEmpty()) {
            problems.add("an instrument needs at least one scale or risk rule");
        }
        return problems;
    }

    private static void checkItems(InstrumentDefinition d, boolean reproducible, List<String> problems) {
        if (d.items().isEmpty()) {
            problems.add("no items");
        }
        for (int i = 0; i < d.items().size(); i++) {
            Item item = d.items().get(i);
            String where = "item " + item.number();
            if (item.number() != i + 1) {
                problems.add("items must be numbered 1.." + d.items().size() + " in order; position " + (i + 1)
                        + " has number " + item.number());
            }
            if (!reproducible && item.text() != null) {
                problems.add(where + " has text, but the licence does not allow reproducing it");
            }
            if (reproducible && blank(item.text())) {
                problems.add(where + " has no text although the licence allows it");
            }
            if (item.optionSet() != null && !d.optionSets().containsKey(item.optionSet())) {
                problems.add(where + " names an unknown option set " + item.optionSet());
            }
            if (item.options() == null) {
                problems.add(where + " has no answer options");
            } else {
                options(problems, where, item.options());
            }
            loinc(problems, where + " loinc", item.loinc());
            if (item.askedWhen() != null) {
                var when = d.item(item.askedWhen().item());
                if (when.isEmpty() || item.askedWhen().item() >= item.number()) {
                    problems.add(where + " depends on item " + item.askedWhen().item()
                            + ", which must be an earlier item");
                } else if (when.get().options() != null && item.askedWhen().atLeast() > when.get().maxValue()) {
                    problems.add(where + " depends on an answer item " + item.askedWhen().item() + " cannot have");
                }
            }
        }
    }

    private static void checkScales(InstrumentDefinition d, List<String> problems) {
        Set<String> codes = new HashSet<>();
        for (Scale scale : d.scales()) {
            String where = "scale " + scale.code();
            if (blank(scale.code()) || !codes.add(scale.code())) {
                problems.add("scale codes must be present and unique: " + scale.code());
            }
            if (blank(scale.title())) {
                problems.add(where + " has no title");
            }
            if (scale.method() == null) {
                problems.add(where + " has no method");
            }
            loinc(problems, where + " loinc", scale.loinc());
            if (scale.items().isEmpty()) {
                problems.add(where + " has no items");
                continue;
            }
            if (new HashSet<>(scale.items()).size() != scale.items().size()) {
                problems.add(where + " lists an item twice");
            }
            boolean itemsOk = true;
            for (int number : scale.items()) {
                var item = d.item(number);
                if (item.isEmpty() || item.get().options() == null) {
                    problems.add(where + " references item " + number + ", which does not exist");
                    itemsOk = false;
                } else if (item.get().optional() || item.get().askedWhen() != null) {
                    problems.add(where + " uses item " + number + ", which may be left unanswered");
                }
            }
            if (itemsOk && scale.method() != null) {
                checkBands(d, scale, where, problems);
            }
            var rc = scale.reliableChange();
            if (rc != null && (rc.threshold() == null || rc.threshold().signum() <= 0 || blank(rc.basis()))) {
                problems.add(where + " reliable change needs a positive threshold and its basis");
            }
        }
        for (Item item : d.items()) {
            if (item.reverseKeyed() && d.scales().stream().noneMatch(s -> s.items().contains(item.number()))) {
                problems.add("item " + item.number() + " is reverse-keyed but in no scale");
            }
        }
    }

    /** Bands start at the scale's minimum and rise strictly within its range, so every score has one band. */
    private static void checkBands(InstrumentDefinition d, Scale scale, String where, List<String> problems) {
        BigDecimal min = Scorer.minimum(d, scale);
        BigDecimal max = Scorer.maximum(d, scale);
        List<Band> bands = scale.bands();
        if (bands.isEmpty()) {
            return;
        }
        if (bands.get(0).from() == null || bands.get(0).from().compareTo(min) != 0) {
            problems.add(where + " bands must start at the scale minimum " + min.stripTrailingZeros().toPlainString());
        }
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            if (band.from() == null || blank(band.label())) {
                problems.add(where + " band " + (i + 1) + " needs a lower bound and a label");
                continue;
            }
            if (band.from().compareTo(max) > 0) {
                problems.add(where + " band " + band.label() + " starts above the scale maximum");
            }
            if (scale.method() == ScaleMethod.SUM && band.from().setScale(0, RoundingMode.DOWN).compareTo(band.from()) != 0) {
                problems.add(where + " band " + band.label() + " of a sum must start at a whole number");
            }
            if (i > 0 && bands.get(i - 1).from() != null && band.from().compareTo(bands.get(i - 1).from()) <= 0) {
                problems.add(where + " bands must rise strictly; " + band.label() + " does not");
            }
        }
    }

    private static void checkRiskRules(InstrumentDefinition d, List<String> problems) {
        for (RiskRule rule : d.riskRules()) {
            String where = "risk rule " + rule.source() + "/" + rule.level();
            if (rule.level() == null || blank(rule.source()) || blank(rule.reason())) {
                problems.add("risk rules need level, source and reason");
            }
            if (rule.anyOf().isEmpty()) {
                problems.add(where + " has no thresholds");
            }
            for (ItemThreshold t : rule.anyOf()) {
                var item = d.item(t.item());
                if (item.isEmpty() || item.get().options() == null) {
                    problems.add(where + " references item " + t.item() + ", which does not exist");
                } else if (t.atLeast() <= item.get().minValue() || t.atLeast() > item.get().maxValue()) {
                    problems.add(where + " threshold for item " + t.item()
                            + " must lie above its lowest answer and within its options");
                }
            }
        }
    }

    private static void options(List<String> problems, String where, List<AnswerOption> options) {
        if (options.size() < 2) {
            problems.add(where + " needs at least two answer options");
            return;
        }
        for (int i = 0; i < options.size(); i++) {
            if (blank(options.get(i).label())) {
                problems.add(where + " option " + options.get(i).value() + " has no label");
            }
            if (i > 0 && options.get(i).value() != options.get(i - 1).value() + 1) {
                problems.add(where + " option values must be contiguous and ascending");
            }
        }
    }

    private static void loinc(List<String> problems, String where, String code) {
        if (code != null && !LOINC.matcher(code).matches()) {
            problems.add(where + " is not a LOINC code: " + code);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
