package care.securebase.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, the one error shape of every SecureBase API. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://securebase.care/problems/";

    /** One refused field: its JSON path (e.g. {@code contact.email}) and why. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of());
    }

    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(TYPE_BASE + "invalid-request", "Invalid request", 400, detail, null, errors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
