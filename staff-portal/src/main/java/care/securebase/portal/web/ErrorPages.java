package care.securebase.portal.web;

import care.securebase.portal.api.ServiceFailure;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes a plain page that says what happened and what to do; never a stack trace.
 * Log lines name exception types, not messages: those can carry what a user typed.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, List<String> details);
    }

    public static Response page(int status, String title, String message, List<String> details) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, message, details == null ? List.of() : details)).build();
    }

    /** A service refused or failed; what it said (its problem's detail) is written for people and shown. */
    @ServerExceptionMapper
    public Response serviceFailure(ServiceFailure e, UriInfo uri) {
        String detail = e.problem().detail();
        List<String> details = detail == null || detail.isBlank() ? List.of() : List.of(detail);
        String service = "the " + e.service() + " service";
        return switch (e.status()) {
            case 400, 422 -> page(400, "That request was not accepted",
                    capitalised(service) + " could not accept what was sent.", details);
            case 401 -> page(401, "Please sign in again",
                    "Your sign-in is no longer valid for " + service + ". Sign out and sign in again.", List.of());
            case 403 -> page(403, "Not allowed", "Your role may not do this in " + service + ".", List.of());
            case 404 -> page(404, "Not found", "There is no such record, or it is not visible to you.", List.of());
            case 409 -> page(409, "That change is not possible now",
                    "The record has moved on since the page was loaded.", details);
            default -> {
                LOG.warnf("%s answered %d for %s", e.service(), e.status(), uri.getPath());
                yield page(502, "Something went wrong", capitalised(service) + " could not complete this "
                        + "just now. Please try again in a minute.", details);
            }
        };
    }

    /** A service did not answer at all (down, or too slow). */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e, UriInfo uri) {
        LOG.warnf("A service call for %s failed: %s", uri.getPath(), typesOf(e));
        return page(503, "A service is not answering",
                "Part of SecureBase that this page needs is not answering right now. Please try again in a "
                        + "minute; if it keeps happening, tell your administrator.", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return page(403, "Not available to your role",
                "This page belongs to another role's work. Your home page lists what you can do.", List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "Page not found", "There is no page at this address.", List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            if (status < 400) {
                return web.getResponse();
            }
            return page(status, "That did not work", "The request could not be handled (" + status + ").", List.of());
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("Unexpected failure %s on %s: %s", errorId, uri.getPath(), typesOf(e));
        return page(500, "Something went wrong", "The portal could not show this page. If it keeps happening, "
                + "tell your administrator and quote " + errorId + ".", List.of());
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String typesOf(Throwable e) {
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
