package care.securebase.referrals.rest;

import care.securebase.kit.problem.InvalidFieldException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Query values parsed here rather than by JAX-RS, which answers an unreadable one with 404: a bad
 * value is a 400 naming the parameter.
 */
final class QueryParams {

    private QueryParams() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static UUID uuid(String field, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be a UUID");
        }
    }

    static Boolean bool(String field, String value) {
        if (text(value) == null) {
            return null;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidFieldException(field, "must be true or false");
        };
    }

    static Integer integer(String field, String value, int min, int max) {
        if (text(value) == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new InvalidFieldException(field, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "must be a whole number");
        }
    }

    static <E extends Enum<E>> E oneOf(String field, Class<E> type, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
