package care.securebase.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.portal.api.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    static final String INVALID = """
            {"type":"https://securebase.care/problems/invalid-request","title":"Invalid request","status":400,
             "detail":"3 fields are invalid","instance":"/clients/1/intakes","errors":[
               {"field":"presentingConcerns","message":"must not be blank"},
               {"field":"phq9[3]","message":"item 4 must be 0, 1, 2 or 3"},
               {"field":"phq9","message":"needs exactly 9 answers, one per item"}]}
            """;

    @Test
    void problemJsonBecomesErrorsByField() {
        FieldErrors errors = FieldErrors.of(Problem.parse(400, INVALID));
        assertTrue(errors.any());
        assertEquals(List.of("presentingConcerns", "phq9[3]", "phq9"), errors.fields());
        assertEquals("is required", errors.get("presentingConcerns"), "said plainly");
        assertFalse(errors.has("modality"));
        assertEquals("", errors.get("modality"));
    }

    @Test
    void itemsBelongToTheirListField() {
        FieldErrors errors = FieldErrors.of(Problem.parse(400, INVALID));
        assertTrue(errors.has("phq9"));
        assertTrue(errors.hasItem("phq9", 3));
        assertFalse(errors.hasItem("phq9", 2));
        assertEquals("item 4 must be 0, 1, 2 or 3", errors.item("phq9", 3));
        assertEquals("needs exactly 9 answers, one per item", errors.own("phq9"));
        assertEquals(List.of("needs exactly 9 answers, one per item", "item 4 must be 0, 1, 2 or 3"),
                errors.about("phq9"));
        assertFalse(errors.has("phq"), "a field name is not a prefix match");
    }

    @Test
    void summaryLinksEachErrorToItsField() {
        List<FieldErrors.Entry> all = FieldErrors.of(Problem.parse(400, INVALID)).all();
        assertEquals(3, all.size());
        assertEquals(new FieldErrors.Entry("phq9[3]", "PHQ-9 item 4", "phq9", "item 4 must be 0, 1, 2 or 3"),
                all.get(1));
        assertEquals("Presenting concerns", all.get(0).label());
    }

    @Test
    void fieldsReadAsWords() {
        assertEquals("Date of birth", FieldErrors.labelOf("dateOfBirth"));
        assertEquals("Relapse warning signs item 1", FieldErrors.labelOf("relapseWarningSigns[0]"));
        assertEquals("Reason", FieldErrors.labelOf("reason"));
        assertEquals("Idempotency-key", FieldErrors.labelOf("Idempotency-Key"));
    }

    @Test
    void regularExpressionsAreNotShownToPeople() {
        FieldErrors errors = FieldErrors.of(Problem.parse(400, """
                {"status":400,"errors":[{"field":"phone","message":"must match \\"\\\\+?[0-9 ()-]{6,30}\\""}]}
                """));
        assertEquals("is not in the expected format", errors.get("phone"));
    }

    @Test
    void beanValidationWordingIsSaidPlainly() {
        assertEquals("is required", FieldErrors.readable("must not be null"));
        assertEquals("needs at least one entry", FieldErrors.readable("must not be empty"));
        assertEquals("must be a past date", FieldErrors.readable("must be a past date"));
        assertEquals("is not valid", FieldErrors.readable(null));
    }

    @Test
    void aProblemWithoutFieldErrorsIsSummarisedByItsDetail() {
        FieldErrors errors = FieldErrors.of(Problem.parse(400,
                "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"No clinician clara2 at this clinic\"}"));
        assertTrue(errors.any());
        assertEquals(List.of(new FieldErrors.Entry(null, null, null, "No clinician clara2 at this clinic")),
                errors.all());
        assertTrue(errors.fields().isEmpty());
    }

    @Test
    void aBodyThatIsNotAProblemKeepsTheStatus() {
        Problem html = Problem.parse(502, "<html>Bad gateway</html>");
        assertEquals(502, html.status());
        assertTrue(html.errors().isEmpty());
        Problem empty = Problem.parse(503, null);
        assertEquals(503, empty.status());
        FieldErrors errors = FieldErrors.of(empty);
        assertEquals("The service refused the form", errors.all().get(0).message());
    }

    @Test
    void errorWithoutFieldGoesToTheBody() {
        FieldErrors errors = FieldErrors.of(Problem.parse(400,
                "{\"status\":400,\"errors\":[{\"message\":\"is not well-formed JSON\"}]}"));
        assertEquals("is not well-formed JSON", errors.get("body"));
    }

    @Test
    void portalErrorsJoinTheServicesWithoutOverwritingThem() {
        FieldErrors errors = FieldErrors.of(Problem.parse(400, INVALID))
                .and(Map.of("phq9[3]", "choose an answer for item 4", "phq9[6]", "choose an answer for item 7"));
        assertEquals("item 4 must be 0, 1, 2 or 3", errors.item("phq9", 3));
        assertEquals("choose an answer for item 7", errors.item("phq9", 6));
    }

    @Test
    void noneHasNothing() {
        assertFalse(FieldErrors.NONE.any());
        assertTrue(FieldErrors.NONE.all().isEmpty());
    }
}
