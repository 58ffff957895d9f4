package care.securebase.portal.links;

import care.securebase.portal.PortalConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The client's public pages: each remote address gets {@code requests-per-minute} of them (429 after
 * that, before the CSRF check or sessions-service is reached), and their answers are never cached,
 * never indexed, and never sent on as a Referer (the address holds the link token). The remote
 * address is the connection's, or the forwarded one when the portal runs behind a proxy with
 * {@code quarkus.http.proxy.proxy-address-forwarding} (the cluster's ingress controller, the only
 * peer its NetworkPolicy lets in).
 */
public class PublicPathsFilter {

    private final RateLimit limit;

    public PublicPathsFilter(PortalConfig config) {
        this.limit = new RateLimit(config.publicPages().requestsPerMinute(), Clock.systemUTC());
    }

    /** The client's address as this portal sees it (the forwarded one behind a proxy it trusts), or null. */
    static String clientAddress(io.vertx.core.http.HttpServerRequest request) {
        var peer = request == null ? null : request.remoteAddress();
        return peer == null ? null : peer.hostAddress();
    }

    public static boolean isPublic(String path) {
        return path != null && (path.startsWith("/c/") || path.startsWith("/a/"));
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(RoutingContext routing) {
        if (!isPublic(routing.normalizedPath())) {
            return null;
        }
        String address = clientAddress(routing.request());
        if (limit.allow(address == null ? "unknown" : address)) {
            return null;
        }
        return Response.status(429).header("Retry-After", limit.retryAfterSeconds())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(PublicPages.Templates.busy()).build();
    }

    @ServerResponseFilter
    public void headers(RoutingContext routing) {
        if (isPublic(routing.normalizedPath())) {
            routing.response().putHeader("Cache-Control", "no-store");
            routing.response().putHeader("Referrer-Policy", "no-referrer");
            routing.response().putHeader("X-Robots-Tag", "noindex, nofollow");
        }
    }
}
