package care.securebase.intake.matching;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/** Whether two names probably denote the same person, despite case, accents, spacing, order or a typo. */
public final class Names {

    private Names() {
    }

    /** "  José  O'Brien-Smith " -> "jose o brien smith". */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("ł", "l").replace("đ", "d")
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    public static boolean close(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y) || sortedTokens(x).equals(sortedTokens(y))) {
            return true;
        }
        String[] tx = x.split(" ");
        String[] ty = y.split(" ");
        // Same first and last name, middle names differing or left out.
        if (tx.length >= 2 && ty.length >= 2 && tx[0].equals(ty[0]) && tx[tx.length - 1].equals(ty[ty.length - 1])) {
            return true;
        }
        // A typo or two: about one edit per five letters.
        int allowed = Math.max(1, Math.max(x.length(), y.length()) / 5);
        return levenshtein(x, y, allowed) <= allowed;
    }

    private static String sortedTokens(String normalised) {
        String[] tokens = normalised.split(" ");
        Arrays.sort(tokens);
        return String.join(" ", tokens);
    }

    /** Edit distance, giving up (returning limit + 1) once it must exceed {@code limit}. */
    public static int levenshtein(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
