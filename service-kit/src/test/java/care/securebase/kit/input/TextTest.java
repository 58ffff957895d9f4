package care.securebase.kit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Jordan Avery Lee", "José O'Brien-Smith", "Zoë", "Siobhán Ní Bhraonáin", "J. R. R. Tolkien",
            "O\u2019Neill", "Nguy\u1ec5n V\u0103n An", "\u738b\u5c0f\u660e", "\u5c71\u7530\u3000\u592a\u90ce", "Ahmad \u0639\u0644\u064a",
            "Jose\u0301", "\u00c6lfr\u00e6d", "ʻIolani"})
    void realNamesAreNames(String name) {
        assertNull(Text.nameProblem(name), name);
    }

    @Test
    void invisibleOrDisguisingCharactersAreRefused() {
        String hidden = "must not contain control or invisible formatting characters";
        assertEquals(hidden, Text.nameProblem("Jordan\u202Eeel"));           // right-to-left override
        assertEquals(hidden, Text.nameProblem("\u200B\u200B\u200B"));        // only zero-width spaces
        assertEquals(hidden, Text.nameProblem("Jo\u200Drdan"));              // zero-width joiner
        assertEquals(hidden, Text.nameProblem("Jordan\u0007"));              // BEL
        assertEquals(hidden, Text.nameProblem("Jordan\u0000"));              // NUL
        assertEquals(hidden, Text.nameProblem("Jordan\tLee"));               // tab
        assertEquals(hidden, Text.nameProblem("\uFEFFJordan"));              // byte-order mark
        assertEquals(hidden, Text.labelProblem("Riverside\u2066Family"));    // isolate
        assertEquals(hidden, Text.labelProblem("they/them\u0085"));          // next line (C1 control)
    }

    @Test
    void unpairedSurrogatesAreRefused() {
        assertEquals("must not contain an unpaired surrogate", Text.nameProblem("Jordan\uD800"));
        assertEquals("must not contain an unpaired surrogate", Text.nameProblem("\uDC00Jordan"));
        assertEquals("must not contain an unpaired surrogate", Text.labelProblem("Group \uD83D"));
        // A whole pair is a character like any other: a letter outside the BMP is a letter.
        assertNull(Text.nameProblem("\uD840\uDC0B\u5c0f\u660e"));
    }

    @Test
    void aNameNeedsALetterAndNothingButNameCharacters() {
        assertEquals("must contain a letter", Text.nameProblem("   "));
        assertEquals("must contain a letter", Text.nameProblem("'-."));
        assertEquals("must contain a letter", Text.labelProblem("24/7"));
        assertEquals(Text.NAME_RULE, Text.nameProblem("Jordan 2"));
        assertEquals(Text.NAME_RULE, Text.nameProblem("Jordan <script>"));
        assertEquals(Text.NAME_RULE, Text.nameProblem("Jordan, Lee"));
        assertEquals(Text.NAME_RULE, Text.nameProblem("Jordan\u2014Lee"));   // an em dash is no hyphen
        assertEquals(Text.NAME_RULE, Text.nameProblem("Jordan \uD83D\uDE00")); // an emoji (a symbol)
        assertEquals(Text.LABEL_RULE, Text.labelProblem("Group <b>"));
        assertEquals(Text.LABEL_RULE, Text.labelProblem("50% off"));
        assertNull(Text.nameProblem(null));
        assertEquals("must contain a letter", Text.nameProblem(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"they/them", "Samaritans (24/7)", "24-hour crisis line", "Young carers' club",
            "walk-in, 6-11pm", "St Brigid's Primary School", "Kids & Families: North #2", "step-mother", "A+ tutoring",
            "Caf\u00e9 \u2013 drop-in"})
    void labelsAllowDigitsAndSomePunctuation(String label) {
        assertNull(Text.labelProblem(label), label);
    }

    @Test
    void whatALabelAllowsBeyondANameIsNoName() {
        for (String s : java.util.List.of("Group 2", "they/them", "A & B", "North, South", "Crisis (24h)", "A+", "Re: x",
                "Team #1", "Caf\u00e9 \u2013 drop-in")) {
            assertNull(Text.labelProblem(s), s);
            assertNotNull(Text.nameProblem(s), s);
        }
    }

    @Test
    void theDocumentsPatternsGiveTheSameVerdicts() {
        // Letters of several scripts, marks, digits, spaces, the allowed and some refused punctuation,
        // controls, format characters and both halves of a surrogate pair.
        String pool = "aZ\u00e9\u0416\u738b\u0639\u02bb\u0301\u0308 \u3000\u00a05'\u2019-\u2010\u2013\u2014.&,()/+:#"
                + "<%@_!\u0000\u0007\t\n\u0085\u200b\u200d\u202e\ufeff\ud83d\ude00\ud840\udc0b";
        java.util.Random random = new java.util.Random(17);
        java.util.regex.Pattern name = java.util.regex.Pattern.compile(Text.NAME_PATTERN);
        java.util.regex.Pattern label = java.util.regex.Pattern.compile(Text.LABEL_PATTERN);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(6); n >= 0; n--) {
                s.append(pool.charAt(random.nextInt(pool.length())));
            }
            String value = s.toString();
            assertEquals(Text.nameProblem(value) == null, name.matcher(value).matches(), () -> "name " + escaped(value));
            assertEquals(Text.labelProblem(value) == null, label.matcher(value).matches(), () -> "label " + escaped(value));
        }
    }

    private static String escaped(String value) {
        return value.chars().mapToObj(c -> String.format("\\u%04x", c)).collect(java.util.stream.Collectors.joining());
    }

    @Test
    void nfcComposesOneNameTypedTwoWays() {
        assertEquals("Jos\u00e9", Text.nfc("Jose\u0301"));
        assertEquals(Text.nfc("Zo\u00eb"), Text.nfc("Zoe\u0308"));
        assertNull(Text.nfc(null));
    }
}
