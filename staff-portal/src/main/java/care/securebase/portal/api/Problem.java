package care.securebase.portal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * An RFC 9457 problem as the services send it: {@code errors} names each refused field of the
 * request, e.g. {@code {"field": "dateOfBirth", "message": "must be a past date"}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      List<IntakeApi.Duplicate> duplicates) {

    /** intake-service's 409 on registering someone who may already be on record. */
    public static final String POSSIBLE_DUPLICATE = "https://securebase.care/problems/possible-duplicate";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }

    // With the java.time module: a duplicate names its date of birth.
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        duplicates = duplicates == null ? List.of() : List.copyOf(duplicates);
    }

    public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
        this(type, title, status, detail, errors, List.of());
    }

    public boolean isPossibleDuplicate() {
        return status == 409 && POSSIBLE_DUPLICATE.equals(type);
    }

    /** Reads a response body; anything that is not a problem document becomes a bare one with the status. */
    public static Problem parse(int status, String body) {
        if (body != null && !body.isBlank()) {
            try {
                Problem parsed = JSON.readValue(body, Problem.class);
                return new Problem(parsed.type(), parsed.title(), parsed.status() == 0 ? status : parsed.status(),
                        parsed.detail(), parsed.errors(), parsed.duplicates());
            } catch (Exception notAProblem) {
                // An HTML error page of a proxy, or nothing: the status is all there is to say.
            }
        }
        return new Problem(null, null, status, null, List.of());
    }
}
