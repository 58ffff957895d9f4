package care.securebase.referrals.service;

import care.securebase.kit.problem.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A referral cannot be sent: the client has not consented to sharing with this kind of partner
 * (409, naming programId, and the scope in the detail so the coordinator knows what to ask for).
 */
public class ConsentMissingException extends WebApplicationException {

    public ConsentMissingException(String scope) {
        super(Response.status(409).type(Problem.MEDIA_TYPE).entity(new Problem(
                "https://securebase.care/problems/consent-missing", "Consent missing", 409,
                "The client has no current consent " + scope + " to share with this kind of program;"
                        + " record it at intake before sending",
                null, List.of(new Problem.FieldError("programId", "needs consent " + scope)))).build());
    }
}
