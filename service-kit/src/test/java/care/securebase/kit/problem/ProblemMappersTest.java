package care.securebase.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.securebase.kit.input.QueryParameters;
import care.securebase.kit.input.StrictJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strict readers' refusals become 400 problems that name the field. */
class ProblemMappersTest {

    record Body(String legalName, List<Integer> answers, Contact contact) {
    }

    record Contact(String name) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());
    private final ProblemMappers mappers = new ProblemMappers();
    private final UriInfo uri = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{UriInfo.class},
            (proxy, method, args) -> method.getName().equals("getPath") ? "/clients" : null);

    @Test
    void aDuplicatedKeyIsNamedWithItsPath() {
        assertField("legalName", "is given more than once",
                mappers.malformedJson(readFails("{\"legalName\":\"A\",\"legalName\":\"B\"}"), uri));
        JsonProcessingException nested = readFails("{\"contact\":{\"name\":\"A\",\"name\":\"B\"}}");
        assertField("contact.name", "is given more than once",
                mappers.mapping((com.fasterxml.jackson.databind.JsonMappingException) nested, uri));
        assertField("body", "is not well-formed JSON", mappers.malformedJson(readFails("{\"legalName\":"), uri));
    }

    @Test
    void aFractionOrNulIsNamedWithWhyItWasRefused() {
        assertField("answers[1]", "must be a whole number",
                mappers.mismatchedInput((MismatchedInputException) readFails("{\"answers\":[1,2.5]}"), uri));
        assertField("contact.name", "must not contain the NUL character (U+0000)",
                mappers.mismatchedInput((MismatchedInputException) readFails("{\"contact\":{\"name\":\"\\u0000\"}}"), uri));
    }

    @SuppressWarnings("unused")
    void endpoint(@QueryParam("page") int page) {
    }

    @Test
    void aQueryParameterJaxRsCouldNotConvertIsA400NamingIt() throws Exception {
        var method = getClass().getDeclaredMethod("endpoint", int.class);
        var converter = new QueryParameters().getConverter(int.class, int.class, method.getParameterAnnotations()[0]);
        InvalidFieldException refused = assertThrows(InvalidFieldException.class, () -> converter.fromString("2147483648"));
        // What RESTEasy Reactive does with a failed query parameter conversion (JAX-RS 3.2).
        assertField("page", "must be a whole number", mappers.web(new NotFoundException(refused), uri));
        Response missing = mappers.web(new NotFoundException(), uri);
        assertEquals(404, missing.getStatus());
    }

    private JsonProcessingException readFails(String body) {
        return assertThrows(JsonProcessingException.class, () -> json.readValue(body, Body.class));
    }

    private static void assertField(String field, String message, Response response) {
        assertEquals(400, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals(List.of(new Problem.FieldError(field, message)), problem.errors());
        assertEquals("/clients", problem.instance());
    }
}
