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
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Reads a response body; anything that is not a problem document becomes a bare one with the status. */
    public static Problem parse(int status, String body) {
        if (body != null && !body.isBlank()) {
            try {
                Problem parsed = JSON.readValue(body, Problem.class);
                return new Problem(parsed.type(), parsed.title(), parsed.status() == 0 ? status : parsed.status(),
                        parsed.detail(), parsed.errors());
            } catch (Exception notAProblem) {
                // An HTML error page of a proxy, or nothing: the status is all there is to say.
            }
        }
        return new Problem(null, null, status, null, List.of());
    }
}
