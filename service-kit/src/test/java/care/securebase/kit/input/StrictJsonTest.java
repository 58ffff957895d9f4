package care.securebase.kit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    record Answers(String legalName, List<Integer> answers, Integer lengthMinutes, Contact contact,
                   Map<String, String> sections) {
    }

    record Contact(String name, List<String> phones) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

    @Test
    void aFractionInAnIntegerFieldIsRefusedNotTruncated() {
        InvalidFormatException e = assertThrows(InvalidFormatException.class,
                () -> json.readValue("{\"answers\":[1,2.5,0]}", Answers.class));
        assertEquals("answers[1]", path(e));
        e = assertThrows(InvalidFormatException.class, () -> json.readValue("{\"lengthMinutes\":50.7}", Answers.class));
        assertEquals("lengthMinutes", path(e));
        // The default mapper would have read 2 and 50: that is what is being switched off.
        Answers lax = assertDoesNotThrow(() -> new ObjectMapper()
                .readValue("{\"answers\":[2.5],\"lengthMinutes\":50.7}", Answers.class));
        assertEquals(List.of(2), lax.answers());
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        JsonParseException e = assertThrows(JsonParseException.class,
                () -> json.readValue("{\"legalName\":\"A\",\"legalName\":\"B\"}", Answers.class));
        assertTrue(e.getOriginalMessage().startsWith("Duplicate field 'legalName'"), e.getOriginalMessage());
        // Inside a nested object, databind wraps the parser's refusal.
        JsonMappingException nested = assertThrows(JsonMappingException.class,
                () -> json.readValue("{\"contact\":{\"name\":\"A\",\"name\":\"B\"}}", Answers.class));
        assertTrue(nested.getCause() instanceof JsonParseException, String.valueOf(nested.getCause()));
    }

    @Test
    void nulIsRefusedWhereverTextIsRead() {
        RefusedValueException e = assertThrows(RefusedValueException.class,
                () -> json.readValue("{\"legalName\":\"Jordan\\u0000Lee\"}", Answers.class));
        assertEquals("legalName", path(e));
        assertEquals("must not contain the NUL character (U+0000)", e.reason());
        e = assertThrows(RefusedValueException.class,
                () -> json.readValue("{\"contact\":{\"phones\":[\"1\",\"\\u0000\"]}}", Answers.class));
        assertEquals("contact.phones[1]", path(e));
        e = assertThrows(RefusedValueException.class,
                () -> json.readValue("{\"sections\":{\"data\":\"x\\u0000\"}}", Answers.class));
        assertEquals("sections.data", path(e));
        assertThrows(RefusedValueException.class,
                () -> json.readValue("{\"sections\":{\"da\\u0000ta\":\"x\"}}", Answers.class));
    }

    @Test
    void anUnpairedSurrogateIsRefusedAPairIsText() throws Exception {
        RefusedValueException e = assertThrows(RefusedValueException.class,
                () -> json.readValue("{\"legalName\":\"Jo\\ud800\"}", Answers.class));
        assertEquals("legalName", path(e));
        assertEquals("must not contain an unpaired surrogate", e.reason());
        assertThrows(RefusedValueException.class,
                () -> json.readValue("{\"contact\":{\"name\":\"\\udc00x\"}}", Answers.class));
        assertEquals("\ud83d\ude00", json.readValue("{\"legalName\":\"\\ud83d\\ude00\"}", Answers.class).legalName());
    }

    @Test
    void ordinaryInputReadsAsBefore() throws Exception {
        Answers a = json.readValue("{\"legalName\":\"Zo\\u00eb\",\"answers\":[1,2],\"lengthMinutes\":50,"
                + "\"contact\":{\"name\":\"Dee\",\"phones\":[\"+44 20\"]},\"sections\":{\"data\":\"tense\"}}",
                Answers.class);
        assertEquals("Zoë", a.legalName());
        assertEquals(List.of(1, 2), a.answers());
        assertEquals(50, a.lengthMinutes());
        assertEquals("tense", a.sections().get("data"));
    }

    private static <T> T assertDoesNotThrow(java.util.concurrent.Callable<T> read) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(read::call);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
