package care.securebase.instruments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds answer lists for tests. */
final class Answers {

    static final InstrumentCatalog CATALOG = new InstrumentCatalog();

    private Answers() {
    }

    static InstrumentDefinition latest(String code) {
        return CATALOG.latest(code).orElseThrow();
    }

    static List<Integer> of(Integer... values) {
        return Arrays.asList(values);
    }

    static List<Integer> same(int count, int value) {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(value);
        }
        return answers;
    }

    /** {@code count} answers between 0 and {@code max} that add up to {@code total}, filled from item 1. */
    static List<Integer> summingTo(int count, int max, int total) {
        if (total > count * max) {
            throw new IllegalArgumentException("cannot reach " + total);
        }
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int i = 0; i < count; i++) {
            int v = Math.min(max, left);
            answers.add(v);
            left -= v;
        }
        return answers;
    }

    /** The list as a map by item number (1-based). */
    static Map<Integer, Integer> byItem(List<Integer> answers) {
        Map<Integer, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            map.put(i + 1, answers.get(i));
        }
        return map;
    }

    static List<Integer> with(List<Integer> answers, int item, Integer value) {
        List<Integer> copy = new ArrayList<>(answers);
        copy.set(item - 1, value);
        return copy;
    }
}
