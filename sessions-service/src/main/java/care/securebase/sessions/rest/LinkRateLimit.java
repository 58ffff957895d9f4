package care.securebase.sessions.rest;

import care.securebase.kit.problem.Problem;
import care.securebase.sessions.links.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The allowance of each remote address on /links/... (the only endpoints without a bearer token),
 * counted before the body is read so malformed requests count too. The address is the one the
 * trusted proxies (quarkus.http.proxy.*: the portal, the replicas' front) pass on.
 */
public class LinkRateLimit {

    private final RateLimiter limiter;

    public LinkRateLimit(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!context.getUriInfo().getPath().startsWith("/links/")) {
            return null;
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        if (limiter.allow(address)) {
            return null;
        }
        return Response.status(429).type(Problem.MEDIA_TYPE)
                .header("Retry-After", limiter.retryAfterSeconds(address))
                .entity(Problem.of(429, "too-many-requests", "Too Many Requests",
                        "Too many requests from this address; try again later")).build();
    }
}
