package care.securebase.kit.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import care.securebase.kit.problem.InvalidFieldException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    enum Risk { LOW, HIGH }

    @SuppressWarnings("unused")
    void endpoint(@QueryParam("page") @Min(0) @Max(100000) int page, @QueryParam("riskLevel") Risk risk,
                  @QueryParam("from") Instant from, @QueryParam("on") LocalDate on, @QueryParam("clientId") UUID client,
                  @QueryParam("unread") boolean unread, @QueryParam("q") String q, @PathParam("id") UUID id,
                  @PathParam("code") String code) {
    }

    private final QueryParameters provider = new QueryParameters();

    @Test
    void anUnreadableQueryParameterIsA400NamingIt() {
        assertRefused("page", "must be a whole number from 0 to 100000", "2147483648");
        assertRefused("page", "must be a whole number from 0 to 100000", "1.5");
        assertRefused("riskLevel", "must be one of [LOW, HIGH]", "SUPERHIGH");
        assertRefused("from", "must be an ISO-8601 date and time such as 2026-01-31T09:00:00Z", "2026-13-01");
        assertRefused("on", "must be an ISO-8601 date such as 2026-01-31", "2026-13-01");
        assertRefused("clientId", "must be a UUID", "1-1-1-1-1");
        assertRefused("unread", "must be true or false", "yes");
        assertRefused("q", "must not contain the NUL character (U+0000)", "a\0b");
    }

    @Test
    void readableValuesAreReadAsBefore() {
        assertEquals(7, converter(0).fromString("7"));
        assertEquals(Risk.HIGH, converter(1).fromString("high"));
        assertNull(converter(1).fromString(" "), "a blank filter is no filter");
        assertEquals(Instant.parse("2026-01-31T09:00:00Z"), converter(2).fromString("2026-01-31T10:00:00+01:00"));
        assertEquals(LocalDate.of(2026, 1, 31), converter(3).fromString("2026-01-31"));
        assertEquals(true, converter(5).fromString("TRUE"));
        assertEquals(" as typed ", converter(6).fromString(" as typed "));
    }

    @Test
    void anUnreadablePathParameterStaysA404() {
        assertThrows(NotFoundException.class, () -> converter(7).fromString("not-a-uuid"));
        assertThrows(NotFoundException.class, () -> converter(8).fromString("PHQ\0-9"));
        assertEquals("PHQ-9", converter(8).fromString("PHQ-9"));
    }

    @Test
    void otherParametersAreLeftToJaxRs() {
        assertNull(provider.getConverter(StringBuilder.class, StringBuilder.class, annotations(6)));
        assertNull(provider.getConverter(String.class, String.class, new Annotation[0]));
    }

    private void assertRefused(String name, String message, String value) {
        int index = java.util.List.of("page", "riskLevel", "from", "on", "clientId", "unread", "q").indexOf(name);
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> converter(index).fromString(value));
        assertEquals(name, e.field());
        assertEquals(message, e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private ParamConverter<Object> converter(int index) {
        Method m = endpointMethod();
        return (ParamConverter<Object>) provider.getConverter(m.getParameterTypes()[index],
                m.getGenericParameterTypes()[index], annotations(index));
    }

    private static Annotation[] annotations(int index) {
        return endpointMethod().getParameterAnnotations()[index];
    }

    private static Method endpointMethod() {
        for (Method m : QueryParametersTest.class.getDeclaredMethods()) {
            if (m.getName().equals("endpoint")) {
                return m;
            }
        }
        throw new IllegalStateException();
    }
}
