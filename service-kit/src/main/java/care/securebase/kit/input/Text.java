package care.securebase.kit.input;

import java.text.Normalizer;

/**
 * The characters a person's name or a short label may hold. Control and format characters (BEL,
 * U+202E right-to-left override, zero-width spaces) and unpaired surrogates are refused: they can
 * make a name display as another or vanish, and a lone surrogate is stored as "?".
 */
public final class Text {

    /** Apostrophes, hyphens and the period a person's name may hold besides letters, marks and spaces. */
    static final String NAME_PUNCTUATION = "'\u2019-\u2010\u2011.";
    /** What a label may hold besides a name's characters, digits and dashes. */
    static final String LABEL_PUNCTUATION = "&,()/+:#";

    /** The rules as regular expressions, for the OpenAPI documents ({@code pattern}); the same verdicts. */
    public static final String NAME_PATTERN = "^(?=.*\\p{L})[\\p{L}\\p{M}\\p{Zs}'\u2019\\-\u2010\u2011.]+$";
    public static final String LABEL_PATTERN = "^(?=.*\\p{L})[\\p{L}\\p{M}\\p{Nd}\\p{Zs}\\p{Pd}'\u2019.&,()/+:#]+$";

    public static final String NAME_RULE = "may hold only letters, marks, spaces, apostrophes, hyphens and periods";
    public static final String LABEL_RULE = "may hold only letters, marks, digits, spaces and ' - . & , ( ) / + : #";

    private Text() {
    }

    /** Why the value is no person's name, or null when it may be one (null is for @NotNull to judge). */
    public static String nameProblem(String value) {
        return problem(value, false);
    }

    /** Why the value is no short label (an organisation, a program, pronouns), or null when it may be one. */
    public static String labelProblem(String value) {
        return problem(value, true);
    }

    /** The canonical composed form (NFC), so that one name typed two ways is stored and compared one way. */
    public static String nfc(String value) {
        return value == null ? null : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    private static String problem(String value, boolean label) {
        if (value == null) {
            return null;
        }
        boolean letter = false;
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                cp = Character.toCodePoint(c, value.charAt(i + 1));
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate";
            } else {
                cp = c;
            }
            i += Character.charCount(cp);
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT ->
                        { return "must not contain control or invisible formatting characters"; }
                case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                        Character.MODIFIER_LETTER, Character.OTHER_LETTER -> letter = true;
                case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
                        Character.SPACE_SEPARATOR -> {
                }
                case Character.DECIMAL_DIGIT_NUMBER, Character.DASH_PUNCTUATION -> {
                    if (!label && NAME_PUNCTUATION.indexOf(cp) < 0) {
                        return NAME_RULE;
                    }
                }
                default -> {
                    if (NAME_PUNCTUATION.indexOf(cp) < 0 && !(label && LABEL_PUNCTUATION.indexOf(cp) >= 0)) {
                        return label ? LABEL_RULE : NAME_RULE;
                    }
                }
            }
        }
        return letter ? null : "must contain a letter";
    }
}
