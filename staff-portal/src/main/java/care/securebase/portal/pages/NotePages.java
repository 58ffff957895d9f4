package care.securebase.portal.pages;

import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.web.FieldErrors;
import care.securebase.portal.web.Forms;
import care.securebase.portal.web.PortalUser;
import care.securebase.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Session notes: the editor for a draft (the clinic's DAP or SOAP sections plus the attachment-focused
 * observations), saving, signing with a confirmation, the signed note read-only with its addenda,
 * and a supervisor's co-signature of a trainee's note. Every read is recorded by sessions-service.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class NotePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editor(Editor page);

        static native TemplateInstance note(Reading page);
    }

    /** What the editor shows: the session, the note so far (null before the first save) and the form. */
    public record Editor(ClinicalApi.Session session, String clientName, ClinicalApi.Note note, String format,
                         List<String> sections, NoteForm form, List<NoteForm.ProgressRow> progressRows,
                         FieldErrors errors, String notice, String problem) {
        public String action() {
            return note == null ? "/sessions/" + session.id() + "/note" : "/notes/" + note.id();
        }

        public String label(String section) {
            return NotePages.label(section);
        }

        public String hint(String section) {
            return NotePages.hint(section);
        }

        public List<String> riskLevels() {
            return ClinicalApi.RISK_LEVELS;
        }

        public List<String> ruptureKinds() {
            return ClinicalApi.RUPTURE_KINDS;
        }
    }

    /** A signed (or awaiting co-signature) note, or someone else's draft, read-only. */
    public record Reading(ClinicalApi.Note note, ClinicalApi.Session session, String clientName,
                          Map<String, String> objectives, boolean mayCosign, boolean mayAddend, String addendum,
                          FieldErrors errors, String notice, String problem) {
        public String label(String section) {
            return NotePages.label(section);
        }

        public String section(String name) {
            return note.content().sections().get(name);
        }

        public String objective(String id) {
            return objectives.getOrDefault(id, "Objective " + id);
        }
    }

    private final ClinicalApi clinical;
    private final ClientNames names;
    private final PortalUser user;

    public NotePages(@RestClient ClinicalApi clinical, ClientNames names, PortalUser user) {
        this.clinical = clinical;
        this.names = names;
        this.user = user;
    }

    /** A session's note: the note when there is one, else the editor for a new draft. */
    @GET
    @Path("sessions/{id}/note")
    @RolesAllowed(Roles.CLINICIAN)
    public Response sessionNote(@PathParam("id") String sessionId) {
        ClinicalApi.Session session = clinical.session(sessionId);
        if (session.noteId() != null) {
            return ClientPages.seeOther("/notes/" + session.noteId());
        }
        String format = clinical.settings().noteFormat();
        return Response.ok(Templates.editor(editor(session, null, format, new NoteForm(), FieldErrors.NONE, null,
                null))).build();
    }

    /** The first save of a note (and, with action=sign, its signature). */
    @POST
    @Path("sessions/{id}/note")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response startNote(@PathParam("id") String sessionId, @BeanParam NoteForm form) {
        ClinicalApi.Session session = clinical.session(sessionId);
        if (session.noteId() != null) {
            // Saved already (a second tab, or the button pressed twice): save onto that draft.
            return save(session.noteId(), form);
        }
        String format = clinical.settings().noteFormat();
        List<String> sections = sectionsOf(format);
        if (form.signing() && !form.confirmed()) {
            return Response.status(400).entity(Templates.editor(editor(session, null, format, form,
                    notConfirmed(), null, null))).build();
        }
        ClinicalApi.Note note;
        try {
            note = clinical.startNote(sessionId, form.toContent(sections));
        } catch (ServiceFailure e) {
            return refused(e, session, null, format, form, null);
        }
        return form.signing() ? sign(note, session, form) : ClientPages.seeOther("/notes/" + note.id() + "?done=saved");
    }

    @GET
    @Path("notes/{id}")
    @RolesAllowed(Roles.CLINICIAN)
    public TemplateInstance note(@PathParam("id") String id, @QueryParam("done") String done) {
        ClinicalApi.Note note = clinical.note(id);
        String notice = switch (done == null ? "" : done) {
            case "saved" -> "The draft is saved.";
            case "signed" -> note.awaitingCosign() ? "The note is signed and waits for your supervisor's co-signature."
                    : "The note is signed. It can no longer be changed; add an addendum to correct or add to it.";
            case "cosigned" -> "The note is co-signed.";
            case "addendum" -> "The addendum is added.";
            default -> null;
        };
        ClinicalApi.Session session = clinical.session(note.sessionId());
        if (note.draft() && user.username().equals(note.authorId())) {
            return Templates.editor(editor(session, note, note.format(), NoteForm.of(note.content()), FieldErrors.NONE,
                    notice, null));
        }
        return Templates.note(reading(note, session, "", FieldErrors.NONE, notice, null));
    }

    /** Save the draft (and, with action=sign, sign it). */
    @POST
    @Path("notes/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response save(@PathParam("id") String id, @BeanParam NoteForm form) {
        ClinicalApi.Note note = clinical.note(id);
        ClinicalApi.Session session = clinical.session(note.sessionId());
        if (form.signing() && !form.confirmed()) {
            return Response.status(400).entity(Templates.editor(editor(session, note, note.format(), form,
                    notConfirmed(), null, null))).build();
        }
        ClinicalApi.Note saved;
        try {
            saved = clinical.saveNote(id, form.toContent(note.sections()));
        } catch (ServiceFailure e) {
            return refused(e, session, note, note.format(), form, null);
        }
        return form.signing() ? sign(saved, session, form) : ClientPages.seeOther("/notes/" + id + "?done=saved");
    }

    @POST
    @Path("notes/{id}/cosign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response cosign(@PathParam("id") String id) {
        try {
            clinical.cosign(id);
            return ClientPages.seeOther("/notes/" + id + "?done=cosigned");
        } catch (ServiceFailure e) {
            if (e.status() != 409) {
                throw e;
            }
            ClinicalApi.Note note = clinical.note(id);
            return Response.status(409).entity(Templates.note(reading(note, clinical.session(note.sessionId()), "",
                    FieldErrors.NONE, null, detailOr(e, "The note cannot be co-signed in its current state.")))).build();
        }
    }

    @POST
    @Path("notes/{id}/addenda")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response addendum(@PathParam("id") String id, @RestForm String text) {
        String written = Forms.orNull(text);
        FieldErrors errors = null;
        ServiceFailure failure = null;
        if (written == null) {
            errors = FieldErrors.of(Map.of("text", "write the addendum"));
        } else {
            try {
                clinical.addendum(id, new ClinicalApi.NewAddendum(written));
                return ClientPages.seeOther("/notes/" + id + "?done=addendum#addenda-heading");
            } catch (ServiceFailure e) {
                if (!e.isInvalidInput() && e.status() != 409) {
                    throw e;
                }
                failure = e;
                errors = e.isInvalidInput() ? FieldErrors.of(e.problem()) : FieldErrors.NONE;
            }
        }
        ClinicalApi.Note note = clinical.note(id);
        int status = failure == null ? 400 : failure.status();
        String problem = failure != null && failure.status() == 409
                ? detailOr(failure, "An addendum can only be added to a signed note.") : null;
        return Response.status(status).entity(Templates.note(reading(note, clinical.session(note.sessionId()),
                text == null ? "" : text, errors, null, problem))).build();
    }

    /** Form addresses opened with GET (after signing in again mid-POST) go back to their page. */
    @GET
    @Path("notes/{id}/{form: cosign|addenda}")
    @RolesAllowed(Roles.CLINICIAN)
    public Response backToNote(@PathParam("id") String id) {
        return ClientPages.seeOther("/notes/" + id);
    }

    private Response sign(ClinicalApi.Note note, ClinicalApi.Session session, NoteForm form) {
        try {
            clinical.sign(note.id());
            return ClientPages.seeOther("/notes/" + note.id() + "?done=signed");
        } catch (ServiceFailure e) {
            return refused(e, session, note, note.format(), form,
                    "The draft is saved, but it cannot be signed yet.");
        }
    }

    private Response refused(ServiceFailure e, ClinicalApi.Session session, ClinicalApi.Note note, String format,
                             NoteForm form, String saved) {
        if (e.status() == 409) {
            return Response.status(409).entity(Templates.editor(editor(session, note, format, form, FieldErrors.NONE,
                    null, detailOr(e, "The note cannot be changed any more.")))).build();
        }
        if (!e.isInvalidInput()) {
            throw e;
        }
        return Response.status(400).entity(Templates.editor(editor(session, note, format, form,
                FieldErrors.of(e.problem()).placed(PLACES), saved, null))).build();
    }

    private Editor editor(ClinicalApi.Session session, ClinicalApi.Note note, String format, NoteForm form,
                          FieldErrors errors, String notice, String problem) {
        List<ClinicalApi.Objective> objectives = objectives(session.episodeId());
        return new Editor(session, names.of(session.clientId()), note, format == null ? "DAP" : format,
                note == null ? sectionsOf(format) : note.sections(), form, form.progressRows(objectives), errors,
                notice, problem);
    }

    private Reading reading(ClinicalApi.Note note, ClinicalApi.Session session, String addendum, FieldErrors errors,
                            String notice, String problem) {
        Map<String, String> objectives = new LinkedHashMap<>();
        if (!note.content().objectiveProgress().isEmpty()) {
            objectives(note.episodeId()).forEach(o -> objectives.put(o.id(), o.description()));
        }
        boolean mine = user.username().equals(note.authorId());
        boolean mayCosign = note.awaitingCosign() && !mine && isSupervisor();
        boolean mayAddend = !note.draft();
        return new Reading(note, session, names.of(note.clientId()), objectives, mayCosign, mayAddend, addendum,
                errors, notice, problem);
    }

    private boolean isSupervisor() {
        try {
            return clinical.practitioners().stream()
                    .anyMatch(p -> p.supervisor() && user.username().equals(p.id()));
        } catch (ServiceFailure e) {
            return false;
        }
    }

    /** The treatment plan's objectives, for progress; none while the episode has no plan. */
    private List<ClinicalApi.Objective> objectives(String episodeId) {
        try {
            return clinical.treatmentPlan(episodeId).plan().objectives();
        } catch (ServiceFailure e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    static List<String> sectionsOf(String format) {
        return "SOAP".equals(format) ? List.of("subjective", "objective", "assessment", "plan")
                : List.of("data", "assessment", "plan");
    }

    private static FieldErrors notConfirmed() {
        return FieldErrors.of(Map.of("confirmSign", "tick the box to confirm: a signed note can no longer be changed"))
                .placed(PLACES);
    }

    private static String detailOr(ServiceFailure e, String fallback) {
        String detail = e.problem().detail();
        return detail == null || detail.isBlank() ? fallback : detail;
    }

    static String label(String section) {
        return switch (section) {
            case "data" -> "Data";
            case "assessment" -> "Assessment";
            case "plan" -> "Plan";
            case "subjective" -> "Subjective";
            case "objective" -> "Objective";
            default -> care.securebase.portal.web.Formats.label(section);
        };
    }

    static String hint(String section) {
        return switch (section) {
            case "data" -> "What happened: what the client said and did, what you observed.";
            case "subjective" -> "What the client reports, in their words where it matters.";
            case "objective" -> "What you observed: presentation, affect, behaviour in the room.";
            case "assessment" -> "Your understanding: patterns, attachment themes, progress.";
            case "plan" -> "What comes next: focus of the next session, tasks, referrals.";
            default -> "";
        };
    }

    /** The note's nested fields as people read them, and the field to jump to. */
    static final Map<String, FieldErrors.Place> PLACES = places();

    private static Map<String, FieldErrors.Place> places() {
        Map<String, FieldErrors.Place> places = new LinkedHashMap<>();
        NoteForm.ALL_SECTIONS.forEach(s -> places.put("sections." + s, new FieldErrors.Place(label(s), "sections." + s)));
        places.put("riskCheck", new FieldErrors.Place("Risk check", "riskCheck.level"));
        places.put("riskCheck.level", new FieldErrors.Place("Risk level", "riskCheck.level"));
        places.put("riskCheck.text", new FieldErrors.Place("Risk check notes", "riskCheck.text"));
        places.put("rupture.kind", new FieldErrors.Place("Rupture", "rupture.kind"));
        places.put("rupture.repaired", new FieldErrors.Place("Repaired", "rupture-repaired-yes"));
        places.put("rupture.text", new FieldErrors.Place("Rupture and repair", "rupture.text"));
        places.put("homework.set", new FieldErrors.Place("Homework set", "homework.set"));
        places.put("homework.reviewed", new FieldErrors.Place("Homework reviewed", "homework.reviewed"));
        places.put("confirmSign", new FieldErrors.Place("Confirm", "confirmSign"));
        return places;
    }
}
