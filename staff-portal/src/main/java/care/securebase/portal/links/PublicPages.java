package care.securebase.portal.links;

import care.securebase.portal.PortalConfig;
import care.securebase.portal.api.LinksApi;
import care.securebase.portal.api.Problem;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.web.FieldErrors;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The client's pages, reached by the link in a message, without signing in: the check-in
 * ({@code /c/{token}}) and the appointment's confirm or cancel request ({@code /a/{token}}). They
 * live in the portal rather than a module of their own because they are a few server-rendered pages
 * over sessions-service's public link API with the same templates, CSRF, error pages and browser
 * tests; a separate module would be another image, Deployment, Ingress and NetworkPolicy for that.
 * They show nothing about the client beyond what the client typed, and a wrong, expired or used
 * link, whichever, gets the same plain 404 page. Log lines never carry the path: it holds the token.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    private static final Logger LOG = Logger.getLogger(PublicPages.class);
    /** sessions-service's link tokens: base64url nonce and signature joined by a dot, at most 64 characters. */
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkIn(String token, CheckInForm form, int stepIndex, CheckInForm.Step step,
                                               FieldErrors errors, boolean crisis);

        static native TemplateInstance thanks(String clinicName, boolean crisis, String crisisLine);

        static native TemplateInstance appointment(String token, LinksApi.Appointment appointment, String when,
                                                   String error);

        static native TemplateInstance appointmentDone(LinksApi.Appointment appointment, String when, String confirmation);

        static native TemplateInstance notFound();

        static native TemplateInstance unavailable();

        static native TemplateInstance busy();

        static native TemplateInstance formExpired();
    }

    private final LinksApi links;
    private final ZoneId portalZone;

    public PublicPages(@RestClient LinksApi links, PortalConfig config) {
        this.links = links;
        this.portalZone = config.timeZone();
    }

    @GET
    @Path("c/{token: .*}")
    public Response checkIn(@PathParam("token") String token, HttpServerRequest request) {
        String client = PublicPathsFilter.clientAddress(request);
        return calling(token, t -> {
            CheckInForm form = CheckInForm.blank(links.checkIn(t, client));
            if (form.stepCount() == 0) {
                return notFound();
            }
            return page(t, form, 0, FieldErrors.NONE, 200);
        });
    }

    /**
     * One step sent: {@code go} is "back", "next" or "send". Going on needs the step's questions
     * answered; sending needs them all, and only then reaches sessions-service.
     */
    @POST
    @Path("c/{token: .*}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answerStep(@PathParam("token") String token, MultivaluedMap<String, String> fields,
                               HttpServerRequest request) {
        String client = PublicPathsFilter.clientAddress(request);
        return calling(token, t -> {
            LinksApi.CheckIn checkIn = links.checkIn(t, client);
            CheckInForm form = CheckInForm.of(checkIn, fields);
            if (form.stepCount() == 0) {
                return notFound();
            }
            int step = Math.max(0, Math.min(form.stepCount() - 1, number(fields.getFirst("step"))));
            String go = fields.getFirst("go") == null ? "next" : fields.getFirst("go");
            if ("back".equals(go)) {
                return page(t, form, Math.max(0, step - 1), FieldErrors.NONE, 200);
            }
            Map<String, String> missing = form.missing(step);
            if (!missing.isEmpty()) {
                return page(t, form, step, errors(form, step, missing), 400);
            }
            if (step < form.stepCount() - 1 && !"send".equals(go)) {
                return page(t, form, step + 1, FieldErrors.NONE, 200);
            }
            int incomplete = form.firstIncomplete();
            if (incomplete >= 0) {
                return page(t, form, incomplete, errors(form, incomplete, form.missing(incomplete)), 400);
            }
            try {
                LinksApi.Submitted done = links.submit(t, client, form.toAnswers());
                String line = done.crisisLine() == null ? checkIn.crisisLine() : done.crisisLine();
                return html(200, Templates.thanks(checkIn.clinicName(), done.crisis() || form.crisis(), line));
            } catch (ServiceFailure e) {
                if (!e.isInvalidInput()) {
                    throw e;
                }
                return refused(t, form, e.problem());
            }
        });
    }

    @GET
    @Path("a/{token: .*}")
    public Response appointment(@PathParam("token") String token, HttpServerRequest request) {
        String client = PublicPathsFilter.clientAddress(request);
        return calling(token, t -> {
            LinksApi.Appointment a = links.appointment(t, client);
            return html(200, Templates.appointment(t, a, when(a), null));
        });
    }

    @POST
    @Path("a/{token: .*}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answerAppointment(@PathParam("token") String token, MultivaluedMap<String, String> fields,
                                      HttpServerRequest request) {
        String client = PublicPathsFilter.clientAddress(request);
        return calling(token, t -> {
            String action = fields.getFirst("action");
            LinksApi.Appointment a = links.appointment(t, client);
            if (!LinksApi.CONFIRM.equals(action) && !LinksApi.CANCEL_REQUEST.equals(action)) {
                return html(400, Templates.appointment(t, a, when(a), "Choose one of the two buttons."));
            }
            LinksApi.Confirmation done = links.answer(t, client, new LinksApi.AppointmentAnswer(action));
            return html(200, Templates.appointmentDone(a, when(a), done.confirmation() == null
                    ? (LinksApi.CONFIRM.equals(action) ? "CONFIRMED" : "CANCEL_REQUESTED") : done.confirmation()));
        });
    }

    /**
     * Runs a page against sessions-service: a token of the wrong shape is not sent at all, and a 404
     * (wrong, expired or used: the service does not say which) becomes the one plain page.
     */
    private Response calling(String token, Function<String, Response> page) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return notFound();
        }
        try {
            return page.apply(token);
        } catch (ServiceFailure e) {
            if (e.status() == 404 || e.status() == 410) {
                return notFound();
            }
            if (e.status() == 429) {
                return html(429, Templates.busy());
            }
            LOG.warnf("sessions-service answered %d to a public link page", e.status());
            return html(503, Templates.unavailable());
        } catch (ProcessingException e) {
            LOG.warnf("sessions-service did not answer a public link page: %s", e.getClass().getName());
            return html(503, Templates.unavailable());
        } catch (RuntimeException e) {
            // The staff pages' mapper would log the path, which holds the token: the type is enough here.
            LOG.errorf("A public link page failed: %s", e.getClass().getName());
            return html(503, Templates.unavailable());
        }
    }

    /** A client's form without its CSRF token (the cookie was lost): the client's plain page, not the staff's. */
    public static Response formExpired() {
        return html(400, Templates.formExpired());
    }

    private Response page(String token, CheckInForm form, int stepIndex, FieldErrors errors, int status) {
        return html(status, Templates.checkIn(token, form, stepIndex, form.steps().get(stepIndex), errors, form.crisis()));
    }

    /** The step's unanswered questions, each named "Question n" and linked to its first option. */
    private static FieldErrors errors(CheckInForm form, int stepIndex, Map<String, String> missing) {
        Map<String, FieldErrors.Place> places = new LinkedHashMap<>();
        CheckInForm.Step step = form.steps().get(stepIndex);
        if (step.isInstrument()) {
            for (LinksApi.Item item : step.instrument().items()) {
                String field = CheckInForm.field(step.instrumentIndex(), item.number());
                String first = item.options().isEmpty() ? field : field + "-" + item.options().get(0).value();
                places.put(field, new FieldErrors.Place("Question " + item.number(), first));
            }
        }
        return FieldErrors.of(missing).placed(places);
    }

    /**
     * sessions-service refused the answers (400, naming the field): back to the step of the
     * instrument it names, or to the last step with its reason.
     */
    private Response refused(String token, CheckInForm form, Problem problem) {
        for (Problem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            for (CheckInForm.Step s : form.steps()) {
                if (s.isInstrument() && field.contains(s.instrument().instrument())) {
                    int index = form.steps().indexOf(s);
                    return page(token, form, index, FieldErrors.of(Map.of("step",
                            "Please check your answers on this page and send them again.")), 400);
                }
            }
            if (field.startsWith("diary") && form.checkIn().diaryPrompt()) {
                return page(token, form, form.stepCount() - 1, FieldErrors.of(Map.of("diary",
                        "Your diary entry could not be accepted: it may be too long.")), 400);
            }
        }
        return page(token, form, form.stepCount() - 1, FieldErrors.of(Map.of("step",
                "Your answers could not be accepted. Please check them and send them again.")), 400);
    }

    /** In the zone sessions-service gives (the client's, else the clinic's); the portal's when it gives none it knows. */
    private String when(LinksApi.Appointment a) {
        if (a.startsAt() == null) {
            return "";
        }
        ZoneId zone = portalZone;
        try {
            if (a.timeZone() != null) {
                zone = ZoneId.of(a.timeZone());
            }
        } catch (RuntimeException unknownZone) {
            // keep the portal's
        }
        return WHEN.format(a.startsAt().atZone(zone)) + " (" + zone.getId().replace('_', ' ') + " time)";
    }

    static Response notFound() {
        return html(404, Templates.notFound());
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
