package care.securebase.portal.pages;

import care.securebase.portal.api.ClinicalApi;
import care.securebase.portal.api.ServiceFailure;
import care.securebase.portal.web.Forms;
import care.securebase.portal.web.PortalUser;
import care.securebase.portal.web.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The clinician's home: their current clients with phase, next session, overdue notes and open
 * flags, the flags themselves (to clear once dealt with) and the overdue drafts. Supervisors and
 * clinic-admins get their clinic's, as sessions-service decides.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CaseloadPages {

    /** A clinician's whole caseload fits on one page; a clinic's is read page by page. */
    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance caseload(List<Row> rows, List<FlagRow> flags, List<OverdueRow> overdue,
                                                List<CosignRow> cosign, boolean clinicWide, String clinicianId,
                                                String notice, long total, int page, int first, boolean hasNext,
                                                String base);
    }

    /** One client of the caseload, with the name intake knows them by. */
    public record Row(ClinicalApi.CaseloadRow row, String name) {
        public boolean needsAttention() {
            return row.flagCount() > 0 || row.overdueNotes() > 0;
        }

        /**
         * "Risk, Deterioration (2)": each open flag kind in words, with a count when more than one; the
         * known kinds in their order, then any kind this portal does not know yet.
         */
        public List<String> flagWords() {
            List<String> words = new ArrayList<>();
            List<String> kinds = new ArrayList<>(ClinicalApi.FLAG_KINDS);
            row.openFlags().keySet().stream().filter(k -> !kinds.contains(k)).sorted().forEach(kinds::add);
            for (String kind : kinds) {
                long n = row.openFlags().getOrDefault(kind, 0L);
                if (n > 0) {
                    words.add(FlagWords.kind(kind) + (n > 1 ? " (" + n + ")" : ""));
                }
            }
            return words;
        }

        public Instant nextStart() {
            return row.nextSession() == null ? null : row.nextSession().startsAt();
        }

        /** The client's answer to the next session's reminder, in words; null when the service did not say. */
        public String confirmation() {
            String c = row.nextSession() == null ? null : row.nextSession().confirmation();
            return c == null ? null : switch (c) {
                case "CONFIRMED" -> "Confirmed";
                case "NOT_CONFIRMED" -> "Not confirmed";
                case "CANCEL_REQUESTED" -> "Cancel requested";
                default -> care.securebase.portal.web.Formats.label(c);
            };
        }

        public String confirmationToken() {
            return care.securebase.portal.web.Formats.token(row.nextSession() == null ? null : row.nextSession().confirmation());
        }

        public boolean hasRisk() {
            return row.openFlags().getOrDefault("RISK", 0L) > 0;
        }
    }

    public record FlagRow(ClinicalApi.Flag flag, String clientName) {
        public String kind() {
            return FlagWords.kind(flag.kind());
        }

        public String detail() {
            return FlagWords.detail(flag.kind(), flag.detail());
        }
    }

    public record OverdueRow(ClinicalApi.OverdueNote note, String clientName) {
    }

    /** A trainee's note waiting for a co-signature: a supervisor's to do, a trainee's to know about. */
    public record CosignRow(ClinicalApi.AwaitingCosign note, String clientName) {
    }

    private final ClinicalApi clinical;
    private final ClientNames names;
    private final PortalUser user;

    public CaseloadPages(@RestClient ClinicalApi clinical, ClientNames names, PortalUser user) {
        this.clinical = clinical;
        this.names = names;
        this.user = user;
    }

    @GET
    @Path("caseload")
    @RolesAllowed({Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    public TemplateInstance caseload(@QueryParam("clinicianId") String clinicianId, @QueryParam("done") String done,
                                     @QueryParam("page") @DefaultValue("0") int page) {
        String who = Forms.orNull(clinicianId);
        int current = Math.max(page, 0);
        RestResponse<List<ClinicalApi.CaseloadRow>> found = clinical.caseload(who, current, PAGE_SIZE);
        List<ClinicalApi.CaseloadRow> rows = found.getEntity() == null ? List.of() : found.getEntity();
        long total = ClientPages.total(found, current * PAGE_SIZE + rows.size());
        List<Row> shown = rows.stream().map(r -> new Row(r, names.of(r.clientId())))
                .sorted(Comparator.comparing((Row r) -> !r.hasRisk())
                        .thenComparing(r -> -r.row().flagCount())
                        .thenComparing(r -> -r.row().overdueNotes())
                        .thenComparing(Row::nextStart, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                        .thenComparing(Row::name))
                .toList();
        List<FlagRow> flags = new ArrayList<>();
        for (Row r : shown) {
            if (r.row().flagCount() > 0) {
                clinical.flags(r.row().episodeId(), true).forEach(f -> flags.add(new FlagRow(f, r.name())));
            }
        }
        List<OverdueRow> overdue = clinical.overdueNotes(who).stream()
                .map(n -> new OverdueRow(n, names.of(n.clientId()))).toList();
        boolean clinicWide = rows.stream().anyMatch(r -> !user.username().equals(r.clinicianId()))
                || !user.has(Roles.CLINICIAN);
        String notice = "flag".equals(done) ? "The flag is cleared." : null;
        List<CosignRow> cosign = clinical.awaitingCosign().stream()
                .map(n -> new CosignRow(n, names.of(n.clientId()))).toList();
        String base = who == null ? "/caseload?" : "/caseload?clinicianId=" + URLEncoder.encode(who, StandardCharsets.UTF_8) + "&";
        return Templates.caseload(shown, flags, overdue, cosign, clinicWide, who, notice, total, current, current * PAGE_SIZE,
                (long) (current + 1) * PAGE_SIZE < total, base);
    }

    /** A clinician has dealt with the flag; back to the page the button was on. */
    @POST
    @Path("flags/{id}/clear")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.CLINICIAN)
    public Response clearFlag(@PathParam("id") String id, @RestForm String back) {
        String page = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/caseload";
        try {
            clinical.clearFlag(id);
        } catch (ServiceFailure e) {
            // Cleared by a colleague meanwhile: the flag is dealt with all the same.
            if (e.status() != 409) {
                throw e;
            }
        }
        return ClientPages.seeOther(page + (page.contains("?") ? "&" : "?") + "done=flag");
    }

    @GET
    @Path("flags/{id}/clear")
    @RolesAllowed(Roles.CLINICIAN)
    public Response backToCaseload() {
        return ClientPages.seeOther("/caseload");
    }

    /** Flags in words: the kinds, and the service's coded details ("PHQ-9 total", "HIGH CSSRS_SCREEN"). */
    public static final class FlagWords {
        private static final Map<String, String> KINDS = Map.of(
                "RISK", "Risk",
                "DETERIORATION", "Reliable deterioration",
                "MISSED_BOOSTER", "Missed booster",
                "WARNING_SIGN", "Warning sign reported",
                "WARNING_SIGNS", "Warning signs in a check-in",
                "MISSED", "Check-ins missed",
                "MISSED_CHECK_INS", "Check-ins missed",
                "OVERDUE_REFERRAL", "Overdue referral");

        private FlagWords() {
        }

        public static String kind(String kind) {
            return KINDS.getOrDefault(kind, care.securebase.portal.web.Formats.label(kind));
        }

        public static String detail(String kind, String detail) {
            if (detail == null || detail.isBlank()) {
                return "";
            }
            return switch (kind == null ? "" : kind) {
                case "RISK" -> {
                    // A check-in's risk flag ends with its origin: "MODERATE PHQ9_ITEM9 CHECK_IN".
                    boolean checkIn = detail.endsWith(" CHECK_IN");
                    if (checkIn) {
                        detail = detail.substring(0, detail.length() - " CHECK_IN".length());
                    }
                    String suffix = checkIn ? ", in a check-in" : "";
                    String[] parts = detail.split(" ", 2);
                    yield care.securebase.portal.web.Formats.label(parts[0]) + " risk"
                            + (parts.length > 1 ? " (" + care.securebase.portal.web.Formats.label(parts[1]) + ")" : "")
                            + suffix;
                }
                case "DETERIORATION" -> detail + " is reliably worse than at baseline";
                case "OVERDUE_REFERRAL" -> "The partner has not answered (" + care.securebase.portal.web.Formats.label(detail) + ")";
                default -> care.securebase.portal.web.Formats.label(detail);
            };
        }
    }
}
