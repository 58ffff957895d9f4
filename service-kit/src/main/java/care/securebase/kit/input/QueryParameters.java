package care.securebase.kit.input;

import care.securebase.kit.problem.InvalidFieldException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads query and path parameters for every service. JAX-RS answers a query parameter it cannot
 * convert with a bare 404 ("No such resource" for {@code ?page=2147483648}); here it is a 400 naming
 * the parameter and saying what it must be. Enums are matched ignoring case, so an unknown value is
 * refused like one in a body. Text holding NUL is refused (PostgreSQL cannot compare it).
 *
 * <p>A path parameter that does not parse (a bad UUID, NUL) stays a 404: the path names no resource,
 * and answering it like an unknown id tells a caller nothing more.
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        boolean path = false;
        Long min = null;
        Long max = null;
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
            } else if (a instanceof PathParam p) {
                name = p.value();
                path = true;
            } else if (a instanceof Min m) {
                min = m.value();
            } else if (a instanceof Max m) {
                max = m.value();
            }
        }
        Function<String, Object> parser = name == null ? null : parser(rawType, min, max);
        if (parser == null) {
            return null;
        }
        return (ParamConverter<T>) new Converter(name, path, rawType.isPrimitive(), parser);
    }

    private record Converter(String name, boolean path, boolean primitive, Function<String, Object> parser)
            implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                if (value.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("must not contain the NUL character (U+0000)");
                }
                if (parser == TEXT) {
                    return value;
                }
                if (value.isBlank() && !primitive) {
                    return null;
                }
                return parser.apply(value.strip());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                if (path) {
                    throw new NotFoundException();
                }
                throw new InvalidFieldException(name, e.getMessage());
            }
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
        }
    }

    private static final Function<String, Object> TEXT = value -> value;

    private static Function<String, Object> parser(Class<?> type, Long min, Long max) {
        if (type == String.class) {
            return TEXT;
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            boolean isInt = type == int.class || type == Integer.class;
            String range = min != null && max != null ? " from " + min + " to " + max
                    : min != null ? " of at least " + min : max != null ? " of at most " + max : "";
            return value -> {
                try {
                    // Not a conditional expression: that would promote the Integer to a Long.
                    if (isInt) {
                        return Integer.valueOf(value);
                    }
                    return Long.valueOf(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a whole number" + range);
                }
            };
        }
        if (type == boolean.class || type == Boolean.class) {
            return value -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("must be true or false");
            };
        }
        if (type == UUID.class) {
            return value -> {
                if (value.length() != 36) {
                    throw new IllegalArgumentException("must be a UUID");
                }
                try {
                    return UUID.fromString(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("must be a UUID");
                }
            };
        }
        if (type == Instant.class) {
            return value -> {
                try {
                    return OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(
                            "must be an ISO-8601 date and time such as 2026-01-31T09:00:00Z");
                }
            };
        }
        if (type == LocalDate.class) {
            return value -> {
                try {
                    return LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("must be an ISO-8601 date such as 2026-01-31");
                }
            };
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return value -> Arrays.stream(constants).filter(c -> ((Enum<?>) c).name().equalsIgnoreCase(value))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "must be one of " + Arrays.toString(constants)));
        }
        return null;
    }
}
