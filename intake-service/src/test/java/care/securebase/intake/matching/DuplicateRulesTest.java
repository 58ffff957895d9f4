package care.securebase.intake.matching;

import static care.securebase.intake.matching.DuplicateRules.Reason.SAME_DATE_OF_BIRTH_AND_SIMILAR_NAME;
import static care.securebase.intake.matching.DuplicateRules.Reason.SAME_EMAIL;
import static care.securebase.intake.matching.DuplicateRules.Reason.SAME_PHONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import care.securebase.intake.matching.DuplicateRules.Person;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateRulesTest {

    private static final LocalDate DOB = LocalDate.of(1990, 4, 12);
    private static final Person EXISTING = new Person("Jordan Avery Lee", "Jo", DOB, "Jo.Lee@Example.org",
            "+44 20 7946 0000");

    @Test
    void aSimilarNameCountsOnlyWithTheSameBirthDate() {
        assertEquals(List.of(SAME_DATE_OF_BIRTH_AND_SIMILAR_NAME),
                DuplicateRules.reasons(new Person("jordán  LEE", null, DOB, null, null), EXISTING));
        assertEquals(List.of(), DuplicateRules.reasons(
                new Person("Jordan Avery Lee", null, DOB.plusDays(1), null, null), EXISTING));
        assertEquals(List.of(), DuplicateRules.reasons(new Person("Robin Hart", null, DOB, null, null), EXISTING));
    }

    @Test
    void aPreferredNameMayMatchALegalName() {
        assertEquals(List.of(SAME_DATE_OF_BIRTH_AND_SIMILAR_NAME), DuplicateRules.reasons(
                new Person("Jo Lee-Brown", "Jordan Lee", DOB, null, null), EXISTING));
    }

    @Test
    void theSameEmailOrPhoneHoweverWritten() {
        Person other = new Person("Sam Other", null, LocalDate.of(1971, 1, 1), " jo.lee@EXAMPLE.org ", "020 7946-0000");
        assertEquals(List.of(SAME_EMAIL, SAME_PHONE), DuplicateRules.reasons(other, EXISTING));
        assertEquals(List.of(SAME_DATE_OF_BIRTH_AND_SIMILAR_NAME, SAME_EMAIL), DuplicateRules.reasons(
                new Person("Jordan Avery Lee", null, DOB, "jo.lee@example.org", "+1 555 0100 999"), EXISTING));
    }

    @Test
    void contactKeys() {
        assertEquals("079460000", Contacts.phoneKey("+44 (0)20 7946 0000"));
        assertEquals("079460000", Contacts.phoneKey("0044 20 7946 0000"));
        assertEquals("123456", Contacts.phoneKey("12-34-56"));
        assertNull(Contacts.phoneKey("123"));
        assertNull(Contacts.emailKey("  "));
        assertEquals("a.b@example.org", Contacts.emailKey(" A.B@Example.ORG"));
    }
}
