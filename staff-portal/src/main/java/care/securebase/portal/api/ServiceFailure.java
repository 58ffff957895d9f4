package care.securebase.portal.api;

import jakarta.ws.rs.core.Response;

/**
 * A service answered with an error status. Pages either show the problem's field errors next to the
 * form (400) or let {@code ErrorPages} turn it into a friendly page. The message names only the
 * service and the status: a problem's detail may echo what the user typed.
 */
public class ServiceFailure extends RuntimeException {

    private final String service;
    private final Problem problem;

    public ServiceFailure(String service, Problem problem) {
        super(service + " answered " + problem.status(), null, false, false);
        this.service = service;
        this.problem = problem;
    }

    /** For the REST clients' {@code @ClientExceptionMapper}s. */
    public static ServiceFailure of(String service, Response response) {
        String body = null;
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException unreadable) {
            // keep the status alone
        }
        return new ServiceFailure(service, Problem.parse(response.getStatus(), body));
    }

    public String service() {
        return service;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** Whether the service refused the input (and named the fields), so the form can be shown again. */
    public boolean isInvalidInput() {
        return status() == 400 || status() == 422;
    }
}
