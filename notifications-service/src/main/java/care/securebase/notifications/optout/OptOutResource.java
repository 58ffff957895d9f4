package care.securebase.notifications.optout;

import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.notifications.ContactChannel;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The one-click opt-out every client message links to. No login: the signed token is the authority.
 * GET only shows a page with a button (mail scanners follow links; they must not opt anyone out);
 * POST records it, from that button or from a mail client's RFC 8058 one-click unsubscribe.
 */
@Path("/opt-out")
@Tag(name = "Opt-out")
@PermitAll
public class OptOutResource {

    private final OptOutTokens tokens;
    private final OptOutService optOuts;

    public OptOutResource(OptOutTokens tokens, OptOutService optOuts) {
        this.tokens = tokens;
        this.optOuts = optOuts;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @SecurityRequirement(name = "none")
    @Operation(summary = "A page with one button that stops reminders by the channel the link came by (no login)")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "A malformed or tampered token (problem+json)")
    public String page(@Parameter(description = "The signed token from the message") @QueryParam("token") String token) {
        OptOutTokens.Claims claims = verified(token);
        String what = claims.channel() == ContactChannel.SMS ? "text messages" : "e-mails";
        return page("Stop reminders", """
                <p>You will no longer receive appointment reminders by %s from this clinic.</p>
                <form method="post" action="opt-out?token=%s">
                <button type="submit">Stop reminders by %s</button>
                </form>""".formatted(what, escape(token), what));
    }

    @POST
    @PermitAll
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    @Produces(MediaType.TEXT_HTML)
    @SecurityRequirement(name = "none")
    @Operation(summary = "Records the opt-out (the page's button, or RFC 8058 List-Unsubscribe=One-Click); no login",
            description = "Idempotent: the clinic is told the first time only.")
    @APIResponse(responseCode = "200", description = "Opted out")
    @APIResponse(responseCode = "400", description = "A malformed or tampered token (problem+json)")
    public String optOut(@QueryParam("token") String token) {
        OptOutTokens.Claims claims = verified(token);
        optOuts.optOut(claims);
        String what = claims.channel() == ContactChannel.SMS ? "text messages" : "e-mails";
        return page("Reminders stopped", "<p>Done: you will no longer receive appointment reminders by " + what
                + ". To change this, please contact your clinic.</p>");
    }

    private OptOutTokens.Claims verified(String token) {
        return tokens.verify(token).orElseThrow(() -> new InvalidFieldException("token",
                "this link is not valid; please contact your clinic"));
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>%s</title></head>
                <body style="font-family: Arial, Helvetica, sans-serif; max-width: 32em; margin: 2em auto;">
                <h1 style="font-size: 1.3em;">%s</h1>
                %s
                </body></html>""".formatted(title, title, body);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
