package care.securebase.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * problem+json for what is refused before a resource method runs: a bearer token the OIDC extension
 * rejects, a body over the size limit, a URI or headers over ours, a path no resource serves. The
 * REST layer's own refusals are {@link ProblemMappers}'.
 */
@ApplicationScoped
public class HttpRefusals {

    private static final Logger LOG = Logger.getLogger(HttpRefusals.class);

    private final ObjectMapper json;
    private final HttpLimits limits;
    private final long maxBodyBytes;
    private final BodyHandler chunkedBodies;

    public HttpRefusals(ObjectMapper json, HttpLimits limits,
                        @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.json = json;
        this.limits = limits;
        this.maxBodyBytes = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(maxBodySize.isPresent() ? maxBodyBytes : -1);
    }

    void install(@Observes Router router) {
        // First of all routes, before Quarkus' upload limit and body handler, which answer with empty bodies.
        // Vert.x's codec refuses a request line or headers over its limits before any route, also with an
        // empty body (quarkus#55082): those are set far above ours (service-kit's defaults), so ours apply.
        router.route().order(Integer.MIN_VALUE).handler(this::withinLimits);
        router.route().failureHandler(this::failed);
        router.errorHandler(404, ctx -> problem(ctx, Problem.of(404, "not-found", "Not Found",
                "No such resource, or not visible to you")));
        router.errorHandler(405, ctx -> problem(ctx, Problem.of(405, "method-not-allowed", "Method Not Allowed",
                "This resource does not answer " + ctx.request().method())));
    }

    private void withinLimits(RoutingContext ctx) {
        // Quarkus' own check of the announced length answers 413 with an empty body: ours comes first.
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            problem(ctx, tooLarge());
            return;
        }
        if (ctx.request().uri().length() > limits.maxUriLength()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            // No instance: the URI is what is too long.
            send(ctx, Problem.of(414, "uri-too-long", "URI Too Long",
                    "The request URI is longer than " + limits.maxUriLength() + " characters"));
            return;
        }
        long headerBytes = 0;
        for (var header : ctx.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaderBytes()) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            send(ctx, Problem.of(431, "headers-too-large", "Request Header Fields Too Large",
                    "The request's headers are larger than " + limits.maxHeaderBytes() + " bytes"));
            return;
        }
        if (length == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)) {
            // No length announced: read it here, where passing the limit fails the route (413, below),
            // rather than in the REST layer, which ends the answer with an empty body. REST reads the buffer.
            chunkedBodies.handle(ctx);
            return;
        }
        ctx.next();
    }

    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException) {
            // Why the token failed (expired, audience, signature) stays with us: RFC 6750's code only.
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problem(ctx, Problem.of(401, "unauthorized", "Unauthorized", "invalid token"));
        } else if (failure instanceof UnauthorizedException) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            problem(ctx, Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required"));
        } else if (failure instanceof ForbiddenException) {
            problem(ctx, Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this"));
        } else if (statusOf(ctx) == 413) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            problem(ctx, tooLarge());
        } else if (statusOf(ctx) >= 400) {
            int status = statusOf(ctx);
            String title = HttpResponseStatus.valueOf(status).reasonPhrase();
            problem(ctx, Problem.of(status, title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), title, null));
        } else {
            // Never the message: it can carry a row's values. The id ties the answer to the log line.
            String errorId = UUID.randomUUID().toString();
            LOG.errorf("Unexpected failure %s on %s: %s", errorId, ctx.request().path(),
                    failure == null ? "status " + ctx.statusCode() : failure.getClass().getName());
            problem(ctx, Problem.of(500, "internal-error", "Internal error",
                    "Something went wrong on our side; quote " + errorId + " to support"));
        }
    }

    /** The status a route failed with (ctx.fail(413), an HttpException), or -1 for a thrown exception. */
    private static int statusOf(RoutingContext ctx) {
        return ctx.failure() instanceof HttpException e ? e.getStatusCode() : ctx.statusCode();
    }

    private Problem tooLarge() {
        return Problem.of(413, "body-too-large", "Content Too Large",
                "The request body is larger than " + maxBodyBytes + " bytes");
    }

    private void problem(RoutingContext ctx, Problem problem) {
        send(ctx, problem.at(ctx.request().path()));
    }

    private void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            return;
        }
        try {
            response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            response.setStatusCode(problem.status()).end();
        }
    }
}
