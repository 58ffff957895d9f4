package care.securebase.intake.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void normalisingIgnoresCaseAccentsPunctuationAndSpacing() {
        assertEquals("jose o brien smith", Names.normalise("  José  O'Brien-Smith "));
        assertEquals("zoe muller", Names.normalise("ZOË\tMÜLLER"));
        assertEquals("strasse", Names.normalise("Straße"));
        assertEquals("", Names.normalise(null));
    }

    @Test
    void closeNames() {
        assertTrue(Names.close("Jordan Avery Lee", "jordan avery lee"));
        assertTrue(Names.close("Zoë Müller", "Zoe Muller"));
        assertTrue(Names.close("Lee Jordan", "Jordan Lee"), "order");
        assertTrue(Names.close("Jordan Lee", "Jordan Avery Lee"), "middle name left out");
        assertTrue(Names.close("Jordan Avery Lee", "Jordon Avery Lee"), "one typo");
        assertTrue(Names.close("Katherine Osullivan", "Kathrine O'Sullivan"), "typo and punctuation");
    }

    @Test
    void differentNames() {
        assertFalse(Names.close("Jordan Lee", "Robin Hart"));
        assertFalse(Names.close("Jordan Lee", "Jordan Hart"));
        assertFalse(Names.close("Ann Li", "Bob Wu"));
        assertFalse(Names.close("", "Jordan Lee"));
        assertFalse(Names.close(null, "Jordan Lee"));
    }

    @Test
    void levenshteinStopsAtTheLimit() {
        assertEquals(0, Names.levenshtein("abc", "abc", 2));
        assertEquals(1, Names.levenshtein("kitten", "sitten", 2));
        assertEquals(3, Names.levenshtein("kitten", "sitting", 3));
        assertEquals(3, Names.levenshtein("kitten", "sitting", 2), "limit + 1 when beyond");
        assertEquals(3, Names.levenshtein("a", "abcdef", 2));
    }
}
