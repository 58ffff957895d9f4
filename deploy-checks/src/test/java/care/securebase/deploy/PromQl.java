package care.securebase.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PromQL expression reads: its vector selectors (metric name and label matchers) and the labels it
 * groups or matches by. Not a parser: promtool parses (AlertRulesTest); this only lists the names the
 * real scrapes must serve (e2e-tests' AlertRulesMetricsIT). Works on expressions promtool accepted.
 */
public final class PromQl {

    /** A label matcher: {@code op} is =, !=, =~ or !~. */
    public record LabelMatcher(String label, String op, String value) {
        /** Whether a series' label value (empty when absent) satisfies it. */
        public boolean matches(String actual) {
            String v = actual == null ? "" : actual;
            return switch (op) {
                case "=" -> v.equals(value);
                case "!=" -> !v.equals(value);
                case "=~" -> Pattern.compile(value).matcher(v).matches();
                case "!~" -> !Pattern.compile(value).matcher(v).matches();
                default -> throw new IllegalStateException(op);
            };
        }
    }

    public record Selector(String metric, List<LabelMatcher> matchers) {
    }

    public record Reads(List<Selector> selectors, Set<String> groupingLabels) {
        public Set<String> metrics() {
            Set<String> names = new LinkedHashSet<>();
            selectors.forEach(s -> names.add(s.metric()));
            return names;
        }
    }

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "atan2", "inf", "nan");
    /** Aggregation operators, which take their grouping before the parenthesis ({@code max by (job) (x)}). */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Pattern MATCHER = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*,?");

    private PromQl() {
    }

    public static Reads reads(String expr) {
        List<Selector> selectors = new ArrayList<>();
        Set<String> grouping = new LinkedHashSet<>();
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expr, i);
            } else if (c == '[') {
                i = expr.indexOf(']', i) + 1;
            } else if (c == '{') {
                // A selector without a metric name ({__name__="x"}) is not used in our rules.
                throw new IllegalArgumentException("a selector without a metric name at " + i + ": " + expr);
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(expr.charAt(i)) || expr.charAt(i) == '_' || expr.charAt(i) == ':')) {
                    i++;
                }
                String word = expr.substring(start, i);
                int next = skipSpace(expr, i);
                if (GROUPING.contains(word)) {
                    if (next < n && expr.charAt(next) == '(') {
                        int close = expr.indexOf(')', next);
                        for (String label : expr.substring(next + 1, close).split(",")) {
                            if (!label.isBlank()) {
                                grouping.add(label.strip());
                            }
                        }
                        i = close + 1;
                    }
                } else if (KEYWORDS.contains(word.toLowerCase()) || AGGREGATIONS.contains(word)) {
                    // an operator or modifier
                } else if (next < n && expr.charAt(next) == '(') {
                    // a function or aggregation; its arguments are read as the loop goes on
                } else if (start > 0 && Character.isDigit(expr.charAt(start - 1))) {
                    // the unit of a number or duration (5m, 1e3): not a name
                } else {
                    List<LabelMatcher> matchers = new ArrayList<>();
                    if (next < n && expr.charAt(next) == '{') {
                        int close = closingBrace(expr, next);
                        Matcher m = MATCHER.matcher(expr.substring(next + 1, close));
                        int at = 0;
                        while (m.lookingAt()) {
                            matchers.add(new LabelMatcher(m.group(1), m.group(2), m.group(3).replace("\\\"", "\"")));
                            at = m.end();
                            m.region(at, m.regionEnd());
                        }
                        if (!expr.substring(next + 1, close).substring(at).isBlank()) {
                            throw new IllegalArgumentException("cannot read the matchers of " + word + ": " + expr);
                        }
                        i = close + 1;
                    }
                    selectors.add(new Selector(word, List.copyOf(matchers)));
                }
            } else {
                i++;
            }
        }
        return new Reads(List.copyOf(selectors), Set.copyOf(grouping));
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipString(String s, int i) {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != quote) {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }

    private static int closingBrace(String s, int open) {
        int j = open + 1;
        while (s.charAt(j) != '}') {
            j = s.charAt(j) == '"' ? skipString(s, j) : j + 1;
        }
        return j;
    }

    /** Alert name to what its expression reads, for every rule of a rules file's groups. */
    public static Map<String, Reads> readsOfRules(com.fasterxml.jackson.databind.JsonNode groups) {
        Map<String, Reads> out = new LinkedHashMap<>();
        for (var group : groups.path("groups")) {
            for (var rule : group.path("rules")) {
                String name = rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText();
                out.put(name, reads(rule.path("expr").asText()));
            }
        }
        return out;
    }
}
