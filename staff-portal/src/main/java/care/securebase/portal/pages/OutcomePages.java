package care.securebase.portal.pages;

import care.securebase.portal.PortalConfig;
import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.api.IntakeApi;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.api.SessionsApi;
import care.securebase.portal.intake.IntakeForm;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Forms;
import care.securebase.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * An episode's outcomes: per instrument and scale, the scores over time as a chart with the
 * baseline and the reliable-change result in words, and the form to give an instrument again. The
 * questions and the running score are the intake form's (definitions from intake-service's catalog);
 * sessions-service scores the answers itself and judges the change.
 */
@Path("/episodes/{id}/outcomes")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class OutcomePages {

    static final String DEFAULT_INSTRUMENT = "PHQ-9";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance outcomes(SessionsApi.Episode episode, String clientName,
                                                List<OutcomeChart> charts, List<IntakeApi.InstrumentSummary> catalog,
                                                IntakeForm.Slot slot, FieldErrors errors, String notice,
                                                String problem);

        static native TemplateInstance score(IntakeForm.Slot slot);
    }

    private final SessionsApi sessions;
    private final ClinicalApi clinical;
    private final IntakeApi intake;
    private final ClientNames names;
    private final PortalConfig config;

    public OutcomePages(@RestClient SessionsApi sessions, @RestClient ClinicalApi clinical,
                        @RestClient IntakeApi intake, ClientNames names, PortalConfig config) {
        this.sessions = sessions;
        this.clinical = clinical;
        this.intake = intake;
        this.names = names;
        this.config = config;
    }

    @GET
    public TemplateInstance outcomes(@PathParam("id") String id, @QueryParam("instrument") String instrument,
                                     @QueryParam("done") String done) {
        List<ClinicalApi.Trajectory> trajectories = clinical.outcomes(id);
        String code = Forms.orNull(instrument);
        if (code == null) {
            code = trajectories.isEmpty() ? DEFAULT_INSTRUMENT : trajectories.get(0).instrument();
        }
        return page(id, trajectories, code, List.of(), FieldErrors.NONE,
                "recorded".equals(done) ? "The scores are recorded; the charts include them." : null, null);
    }

    /** Record a re-administration: unanswered questions are named before anything is sent. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("id") String id, @RestForm String instrument, @RestForm List<String> answers) {
        String code = Forms.orNull(instrument) == null ? DEFAULT_INSTRUMENT : instrument.strip();
        IntakeApi.Instrument definition = intake.instrument(code);
        List<String> given = answers == null ? List.of() : answers;
        IntakeForm.Slot slot = slot(definition, given);
        Map<String, String> missing = form(given).unanswered(List.of(slot));
        if (!missing.isEmpty()) {
            return Response.status(400).entity(page(id, clinical.outcomes(id), code, given,
                    FieldErrors.of(missing).placed(IntakeForm.places(List.of(slot))), null, null)).build();
        }
        List<Integer> values = new ArrayList<>();
        for (String a : given) {
            values.add(Forms.orNull(a) == null ? null : Integer.valueOf(a.strip()));
        }
        try {
            clinical.recordOutcome(id, new ClinicalApi.Administration(definition.code(), definition.version(), values));
            return ClientPages.seeOther("/episodes/" + id + "/outcomes?done=recorded&instrument=" + code);
        } catch (ServiceFailure e) {
            if (!e.isInvalidInput() && e.status() != 409) {
                throw e;
            }
            FieldErrors errors = FieldErrors.NONE;
            if (e.isInvalidInput()) {
                // The service names answers[4]; on the page that question is instruments[0].answers[4].
                errors = FieldErrors.of(e.problem());
                for (int i = 0; i < definition.items().size(); i++) {
                    errors = errors.renamed("answers[" + i + "]", "instruments[0].answers[" + i + "]");
                }
                errors = errors.renamed("answers", "instruments[0]").placed(IntakeForm.places(List.of(slot)));
            }
            return Response.status(e.status()).entity(page(id, clinical.outcomes(id), code, given, errors, null,
                    e.status() == 409 ? e.problem().detail() : null)).build();
        }
    }

    /** The running score of the form (htmx, on every change of an answer); nothing is sent. */
    @POST
    @Path("score")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance score(@RestForm String instrument, @RestForm List<String> answers) {
        String code = Forms.orNull(instrument) == null ? DEFAULT_INSTRUMENT : instrument.strip();
        return Templates.score(slot(intake.instrument(code), answers == null ? List.of() : answers));
    }

    @GET
    @Path("score")
    public Response backToOutcomes(@PathParam("id") String id) {
        return ClientPages.seeOther("/episodes/" + id + "/outcomes");
    }

    private TemplateInstance page(String id, List<ClinicalApi.Trajectory> trajectories, String code,
                                  List<String> answers, FieldErrors errors, String notice, String problem) {
        SessionsApi.Episode episode = sessions.episode(id);
        Map<String, IntakeApi.Instrument> definitions = new HashMap<>();
        List<OutcomeChart> charts = new ArrayList<>();
        for (ClinicalApi.Trajectory t : trajectories) {
            IntakeApi.Instrument definition = definitions.computeIfAbsent(t.instrument(), this::definitionOrNull);
            charts.add(OutcomeChart.of(charts.size(), t, definition, config.timeZone()));
        }
        List<IntakeApi.InstrumentSummary> catalog = intake.instruments().stream()
                .filter(IntakeApi.InstrumentSummary::latest).toList();
        IntakeApi.Instrument chosen = definitions.computeIfAbsent(code, this::definitionOrNull);
        IntakeForm.Slot slot = chosen == null ? null : slot(chosen, answers);
        return Templates.outcomes(episode, names.of(episode.clientId()), charts, catalog, slot, errors, notice, problem);
    }

    private IntakeApi.Instrument definitionOrNull(String code) {
        try {
            return intake.instrument(code);
        } catch (ServiceFailure e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static IntakeForm form(List<String> answers) {
        IntakeForm form = new IntakeForm();
        form.answers = new ArrayList<>(answers);
        return form;
    }

    /** The instrument's questions with the answers given, as the intake form shows them. */
    private static IntakeForm.Slot slot(IntakeApi.Instrument definition, List<String> answers) {
        return form(answers).slots(List.of(definition)).get(0);
    }
}
