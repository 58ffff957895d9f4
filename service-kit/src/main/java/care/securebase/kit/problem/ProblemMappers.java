package care.securebase.kit.problem;

import care.securebase.kit.input.RefusedValueException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json. Messages of unexpected exceptions are never echoed or
 * logged: they can carry the values of a row, and those may be clinical.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e, UriInfo uri) {
        return constraintViolations(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.invalid(errors), uri);
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e, UriInfo uri) {
        return respond(Problem.invalid(List.of(new Problem.FieldError(e.field(), e.getMessage()))), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        String message = e instanceof RefusedValueException refused ? refused.reason()
                : "must be " + (e.getTargetType() == null ? "another type" : describe(e.getTargetType()));
        return respond(Problem.invalid(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message))), uri);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e, UriInfo uri) {
        if (duplicateKey(e) != null) {
            return malformedJson(e, uri);
        }
        String field = pathOf(e);
        return respond(Problem.invalid(List.of(new Problem.FieldError(field.isEmpty() ? "body" : field,
                "has a value that cannot be read"))), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return respond(Problem.invalid(List.of(new Problem.FieldError(duplicate, "is given more than once"))), uri);
        }
        return respond(Problem.invalid(List.of(new Problem.FieldError("body", "is not well-formed JSON"))), uri);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return respond(Problem.of(409, "conflict", "Conflict", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(Problem.of(409, "concurrent-change", "Changed by someone else",
                "The resource changed while this request was processed; reload and try again"), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400 || e.getResponse().getEntity() instanceof Problem) {
            return e.getResponse();
        }
        // The JSON reader wraps what it could not read, and JAX-RS a query parameter it could not
        // convert (QueryParameters names it); answer as if it had reached us directly.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFieldException invalid) {
                return invalidField(invalid, uri);
            }
            if (cause instanceof MismatchedInputException mismatch) {
                return mismatchedInput(mismatch, uri);
            }
            if (cause instanceof JsonMappingException mapping) {
                return mapping(mapping, uri);
            }
            if (cause instanceof JsonProcessingException) {
                return malformedJson((JsonProcessingException) cause, uri);
            }
        }

        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 404 ? "No such resource, or not visible to you" : e.getMessage();
        return respond(Problem.of(status, slug(title), title, detail), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return Response.status(401).header("WWW-Authenticate", "Bearer").type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required")
                        .at(uri.getPath()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this"), uri);
    }

    @ServerExceptionMapper
    public Response databaseUnavailable(JDBCConnectionException e, UriInfo uri) {
        return unavailable(e, uri);
    }

    private static Response unavailable(Throwable e, UriInfo uri) {
        LOG.warn("Database unavailable: " + e.getClass().getSimpleName());
        return Response.status(503).header("Retry-After", "5").type(Problem.MEDIA_TYPE)
                .entity(Problem.of(503, "unavailable", "Service unavailable",
                        "The service's database cannot be reached; try again shortly").at(uri.getPath()))
                .build();
    }

    /** The database went away during the commit: say so, because a blind retry could do it twice. */
    private static Response outcomeUnknown(UriInfo uri) {
        LOG.warn("Database connection lost while committing; outcome unknown");
        return Response.status(503).header("Retry-After", "5").type(Problem.MEDIA_TYPE)
                .entity(Problem.of(503, "commit-outcome-unknown", "Service unavailable",
                        "The database went away while saving: the change may or may not have been made; "
                                + "check before trying again").at(uri.getPath()))
                .build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // A database starting up (57P03) or lost during a flush or commit comes wrapped in other types.
        switch (DatabaseOutage.of(e)) {
            case UNREACHABLE -> {
                return unavailable(e, uri);
            }
            case COMMIT_OUTCOME_UNKNOWN -> {
                return outcomeUnknown(uri);
            }
            case NONE -> {
                // a failure of ours: below
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("Unexpected failure %s on %s: %s", errorId, uri.getPath(), typesOf(e));
        return respond(Problem.of(500, "internal-error", "Internal error",
                "Something went wrong on our side; quote " + errorId + " to support"), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.at(uri.getPath())).build();
    }

    /** {@code register.request.contact.email} names the method and parameter first; the field is the rest. */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            String name = node.getName();
            if (node.getIndex() != null && !nodes.isEmpty()) {
                nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.startsWith("<")) {
                nodes.add(name);
            }
        }
        boolean onMethod = v.getExecutableParameters() != null;
        List<String> field = onMethod && nodes.size() > 2 ? nodes.subList(2, nodes.size())
                : onMethod && nodes.size() == 2 ? nodes.subList(1, 2) : nodes;
        return String.join(".", field);
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /**
     * The key a body gives twice (Jackson's STRICT_DUPLICATE_DETECTION), as a path; null for other
     * faults. Inside a nested object the parser's fault arrives wrapped in a mapping exception.
     */
    private static String duplicateKey(Throwable e) {
        String prefix = "Duplicate field '";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!(t instanceof JsonProcessingException json) || json.getOriginalMessage() == null
                    || !json.getOriginalMessage().startsWith(prefix)) {
                continue;
            }
            if (json.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
                List<String> nodes = new ArrayList<>();
                for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
                    if (c.inObject() && c.getCurrentName() != null) {
                        nodes.add(0, c.getCurrentName());
                    } else if (c.inArray()) {
                        nodes.add(0, "[" + c.getCurrentIndex() + "]");
                    }
                }
                if (!nodes.isEmpty()) {
                    return String.join(".", nodes).replace(".[", "[");
                }
            }
            String message = json.getOriginalMessage();
            return message.substring(prefix.length(), Math.max(prefix.length(), message.lastIndexOf('\'')));
        }
        return null;
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.getName().startsWith("java.time")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        return "an object";
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String typesOf(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            StackTraceElement top = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
            out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            if (top != null) {
                out.append(" at ").append(top);
            }
        }
        return out.toString();
    }
}
