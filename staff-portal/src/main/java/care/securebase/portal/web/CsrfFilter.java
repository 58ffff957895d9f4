package care.securebase.portal.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/** Refuses every unsafe request whose form does not carry the CSRF cookie's token (see {@link Csrf}). */
public class CsrfFilter {

    private static final Logger LOG = Logger.getLogger(CsrfFilter.class);

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> {
                String token = Csrf.tokenOf(routing);
                if (token == null) {
                    token = Csrf.newToken();
                    routing.put(Csrf.NEW_TOKEN_KEY, Boolean.TRUE);
                }
                routing.put(Csrf.TOKEN_KEY, token);
                return null;
            }
            default -> {
                MediaType type = request.getMediaType();
                String sent = null;
                if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        && !type.isWildcardType() && !type.isWildcardSubtype()) {
                    ResteasyReactiveRequestContext context =
                            (ResteasyReactiveRequestContext) request.getServerRequestContext();
                    Object value = context.getFormParameter(Csrf.FIELD, true, false);
                    sent = value == null ? null : value.toString();
                }
                String cookie = Csrf.tokenOf(routing);
                if (Csrf.matches(cookie, sent)) {
                    routing.put(Csrf.TOKEN_KEY, cookie);
                    return null;
                }
                if (care.securebase.portal.links.PublicPathsFilter.isPublic(routing.normalizedPath())) {
                    // A client's page: its path holds the link token, which no log line carries.
                    LOG.debugf("Refused %s of a client's page: missing or wrong CSRF token", request.getMethod());
                    return care.securebase.portal.links.PublicPages.formExpired();
                }
                LOG.debugf("Refused %s %s: missing or wrong CSRF token", request.getMethod(), routing.normalizedPath());
                return ErrorPages.page(400, "This form has expired",
                        "For your safety the portal did not accept this form: it was opened too long ago or "
                                + "in another window. Go back, reload the page and send it again.", null);
            }
        }
    }

    /** Sets the cookie when this request minted a new token. */
    @ServerResponseFilter
    public void issue(RoutingContext routing) {
        String token = routing.get(Csrf.TOKEN_KEY);
        if (token != null && Boolean.TRUE.equals(routing.get(Csrf.NEW_TOKEN_KEY))) {
            routing.response().addCookie(Csrf.cookie(token, routing.request().isSSL()));
        }
    }
}
